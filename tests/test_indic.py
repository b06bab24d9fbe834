"""Slugs of titles in the scripts of India: each consonant keeps the vowel it carries unwritten."""

import pytest

from tertulia.reading.indic import romanized
from tertulia.reading.names import slug_of


@pytest.mark.parametrize("title, slug", [
    ("परिचय", "parichay"),  # a Hindi About page: `pricy` before
    ("बनारस की सुबह", "banaras-ki-subah"),
    ("दादी की रसोई", "dadi-ki-rasoi"),
    ("हिंदी में क्यों लिखूँ", "hindi-men-kyon-likhun"),  # anusvara and candrabindu: a nasal, said n
    ("संबंध", "sambandh"),  # ... and m before a labial
    ("स्मृति", "smriti"),
    ("क", "ka"),  # a word's one syllable keeps its vowel
    ("ज़िंदगी", "zindagi"),  # a nukta, written as a sign after its letter
    ("কলকাতার ট্রাম", "kolkatar-tram"),  # Bengali, whose own vowel is o, unsaid between VC and CV as Hindi's
    ("বাংলা ভাষা", "bangla-bhasha"),  # whose anusvara is said ng
    ("জ্ঞান", "gyan"), ("ज्ञान", "gyan"),  # a cluster said otherwise than its letters
    ("कमला", "kamla"), ("समझना", "samajhna"),  # Hindi's vowel unsaid between a vowel, consonant, consonant, vowel
    ("घर।", "ghar"),  # a danda ends a word
    ("ਪੰਜਾਬੀ", "panjabi"),  # Gurmukhi's own nasal sign
    ("ગુજરાતી", "gujarati"),
    ("తెలుగు", "telugu"),  # Telugu, Kannada, Malayalam say a word's last vowel
    ("ಕನ್ನಡ", "kannada"),
    ("മലയാളം", "malayalam"),
    ("தமிழ் நாடு", "tamil-natu"),
])
def test_a_title_in_a_script_of_india_gives_the_slug_its_readers_would_spell(title, slug):
    assert slug_of(title) == slug


def test_other_scripts_and_ascii_are_left_as_they_were():
    assert romanized("Ελληνικά, 中文 and plain words") == "Ελληνικά, 中文 and plain words"
    assert slug_of("Ελληνικά") == "ellinika"
    assert romanized("2024 में") == "2024 men"


def test_a_word_of_100000_letters_is_spelled_in_one_pass():
    """A title is an export's: each unwritten vowel looked at every letter after it (15 s for this one)."""
    import time
    word = "कमल" * 33_334
    started = time.perf_counter()
    slug = slug_of(word)
    assert slug.startswith("kam") and len(slug) == 200
    assert time.perf_counter() - started < 5
