"""Which language of a site a comment's letters name: a script only one of its languages writes."""

from tertulia.reading.scripts import language_of_letters

HINDI_AND_ENGLISH = ("hi", "en")


def test_latin_letters_under_a_hindi_post_are_english_s_on_a_site_of_hindi_and_english():
    assert language_of_letters("I don't read Hindi well, but this post moved me.", "hi", HINDI_AND_ENGLISH) == "en"


def test_the_posts_own_script_a_link_and_markup_inside_it_leave_its_language():
    text = 'यह लेख बहुत अच्छा लगा, <a href="https://example.org/a-long-english-address">धन्यवाद</a>'
    assert language_of_letters(text, "hi", HINDI_AND_ENGLISH) == ""


def test_few_letters_mixed_letters_or_two_languages_of_one_script_name_none():
    assert language_of_letters("Thanks!", "hi", HINDI_AND_ENGLISH) == ""  # too few to tell
    assert language_of_letters("Great post, thank you for it", "es", ("es", "en")) == ""  # both Latin
    assert language_of_letters("Очень интересно, thank you so much", "en", ("en", "ru")) == ""  # mixed
    assert language_of_letters("Очень интересная статья", "en", ("en", "ru", "uk")) == ""  # two Cyrillic


def test_japanese_is_its_kana_and_kanji_together_and_a_tag_names_its_script():
    assert language_of_letters("とても面白い記事でした。ありがとう", "en", ("en", "ja")) == "ja"
    assert language_of_letters("Great post, thanks a lot for it", "sr", ("sr", "sr-Latn")) == "sr-Latn"
    assert language_of_letters("Great post, thanks a lot for it", "qaa", ("qaa", "en")) == ""  # a script unknown
