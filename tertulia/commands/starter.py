"""The words of a new site's first essay and About page, in the languages the theme speaks.

Each language has the same blocks in the same order, so the translations align with any
original. A language not here gets the English words, for its author to replace.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Starter:
    """A first essay and an About page in one language: titles and Markdown blocks."""

    essay_title: str
    essay: tuple[str, ...]
    about_title: str
    about: tuple[str, ...]
    placeholders: tuple[str, str]  # the body of `tertulia new post`, and of `new comment`


STARTERS = {
    "en": Starter(
        "Welcome", (
            "This is your site's first essay. It lives in `content/posts/welcome/`, one file per language: "
            "`index.{lang}.md` is the original, each other file a translation that says `translation_of`.",
            "Every paragraph of a translation stands beside the same paragraph of its original, so a "
            "translation keeps the original's number of paragraphs, headings and lists.",
            "To write the next one: `tertulia new post my-essay --lang {lang}`, then `tertulia new "
            "translation my-essay --lang …` for each translation. `tertulia serve` shows it as you type.",
        ),
        "About", (
            "Say here who writes this site, and why in more than one language.",
            "This page lives in `content/pages/about/`; the `menu` of `content/site.yml` links it from every page.",
        ),
        ("The first paragraph.", "The comment.")),
    "es": Starter(
        "Bienvenida", (
            "Este es el primer ensayo de tu sitio. Está en `content/posts/welcome/`, un archivo por idioma: "
            "`index.{lang}.md` es el original y cada uno de los otros, una traducción que lo dice con "
            "`translation_of`.",
            "Cada párrafo de una traducción se muestra junto al mismo párrafo del original, así que una "
            "traducción conserva los párrafos, títulos y listas del original.",
            "Para escribir el siguiente: `tertulia new post mi-ensayo --lang {lang}` y, para cada traducción, "
            "`tertulia new translation mi-ensayo --lang …`. `tertulia serve` lo muestra mientras escribes.",
        ),
        "Acerca de", (
            "Cuenta aquí quién escribe este sitio y por qué en más de un idioma.",
            "Esta página está en `content/pages/about/`; el `menu` de `content/site.yml` la enlaza desde todas "
            "las páginas.",
        ),
        ("El primer párrafo.", "El comentario.")),
    "ro": Starter(
        "Bun venit", (
            "Acesta este primul eseu al site-ului tău. Se află în `content/posts/welcome/`, câte un fișier "
            "pentru fiecare limbă: `index.{lang}.md` este originalul, iar fiecare alt fișier este o traducere "
            "care o spune prin `translation_of`.",
            "Fiecare paragraf al unei traduceri stă lângă același paragraf al originalului, așa că o traducere "
            "păstrează paragrafele, titlurile și listele originalului.",
            "Pentru următorul: `tertulia new post eseul-meu --lang {lang}`, apoi `tertulia new translation "
            "eseul-meu --lang …` pentru fiecare traducere. `tertulia serve` îl arată pe măsură ce scrii.",
        ),
        "Despre", (
            "Spune aici cine scrie acest site și de ce în mai multe limbi.",
            "Această pagină se află în `content/pages/about/`; `menu` din `content/site.yml` o leagă de pe "
            "fiecare pagină.",
        ),
        ("Primul paragraf.", "Comentariul.")),
    "de": Starter(
        "Willkommen", (
            "Dies ist der erste Essay deiner Website. Er liegt in `content/posts/welcome/`, eine Datei je "
            "Sprache: `index.{lang}.md` ist das Original, jede andere Datei eine Übersetzung, die das mit "
            "`translation_of` angibt.",
            "Jeder Absatz einer Übersetzung steht neben demselben Absatz des Originals; eine Übersetzung "
            "behält darum die Absätze, Überschriften und Listen des Originals bei.",
            "Für den nächsten: `tertulia new post mein-essay --lang {lang}`, dann für jede Übersetzung "
            "`tertulia new translation mein-essay --lang …`. `tertulia serve` zeigt ihn, während du schreibst.",
        ),
        "Über uns", (
            "Schreib hier, wer diese Website schreibt und warum in mehr als einer Sprache.",
            "Diese Seite liegt in `content/pages/about/`; das `menu` in `content/site.yml` verlinkt sie auf "
            "jeder Seite.",
        ),
        ("Der erste Absatz.", "Der Kommentar.")),
    "fr": Starter(
        "Bienvenue", (
            "Voici le premier essai de votre site. Il se trouve dans `content/posts/welcome/`, un fichier par "
            "langue : `index.{lang}.md` est l’original, chaque autre fichier une traduction qui le déclare "
            "avec `translation_of`.",
            "Chaque paragraphe d’une traduction se lit en regard du même paragraphe de l’original ; une "
            "traduction garde donc les paragraphes, titres et listes de l’original.",
            "Pour écrire le suivant : `tertulia new post mon-essai --lang {lang}`, puis `tertulia new "
            "translation mon-essai --lang …` pour chaque traduction. `tertulia serve` l’affiche pendant que "
            "vous écrivez.",
        ),
        "À propos", (
            "Dites ici qui écrit ce site, et pourquoi en plusieurs langues.",
            "Cette page se trouve dans `content/pages/about/` ; le `menu` de `content/site.yml` la relie "
            "depuis chaque page.",
        ),
        ("Le premier paragraphe.", "Le commentaire.")),
    "it": Starter(
        "Benvenuti", (
            "Questo è il primo saggio del tuo sito. Si trova in `content/posts/welcome/`, un file per lingua: "
            "`index.{lang}.md` è l’originale, ogni altro file una traduzione che lo dichiara con "
            "`translation_of`.",
            "Ogni paragrafo di una traduzione sta accanto allo stesso paragrafo dell’originale, quindi una "
            "traduzione mantiene i paragrafi, i titoli e gli elenchi dell’originale.",
            "Per scrivere il prossimo: `tertulia new post il-mio-saggio --lang {lang}`, poi `tertulia new "
            "translation il-mio-saggio --lang …` per ogni traduzione. `tertulia serve` lo mostra mentre scrivi.",
        ),
        "Chi siamo", (
            "Racconta qui chi scrive questo sito e perché in più di una lingua.",
            "Questa pagina si trova in `content/pages/about/`; il `menu` di `content/site.yml` la collega da "
            "ogni pagina.",
        ),
        ("Il primo paragrafo.", "Il commento.")),
    "pt": Starter(
        "Boas-vindas", (
            "Este é o primeiro ensaio do seu site. Fica em `content/posts/welcome/`, um ficheiro por idioma: "
            "`index.{lang}.md` é o original, e cada outro ficheiro é uma tradução que o indica com "
            "`translation_of`.",
            "Cada parágrafo de uma tradução aparece ao lado do mesmo parágrafo do original; por isso uma "
            "tradução mantém os parágrafos, títulos e listas do original.",
            "Para escrever o próximo: `tertulia new post meu-ensaio --lang {lang}` e, para cada tradução, "
            "`tertulia new translation meu-ensaio --lang …`. `tertulia serve` mostra-o enquanto escreve.",
        ),
        "Sobre", (
            "Conte aqui quem escreve este site e por que em mais de um idioma.",
            "Esta página fica em `content/pages/about/`; o `menu` de `content/site.yml` faz a ligação para ela "
            "em todas as páginas.",
        ),
        ("O primeiro parágrafo.", "O comentário.")),
    "pt-BR": Starter(  # Brazilian: `arquivo`, `você`, "link"
        "Boas-vindas", (
            "Este é o primeiro ensaio do seu site. Fica em `content/posts/welcome/`, um arquivo por idioma: "
            "`index.{lang}.md` é o original, e cada outro arquivo é uma tradução que o indica com "
            "`translation_of`.",
            "Cada parágrafo de uma tradução aparece ao lado do mesmo parágrafo do original; por isso uma "
            "tradução mantém os parágrafos, títulos e listas do original.",
            "Para escrever o próximo: `tertulia new post meu-ensaio --lang {lang}` e, para cada tradução, "
            "`tertulia new translation meu-ensaio --lang …`. `tertulia serve` mostra o ensaio enquanto você escreve.",
        ),
        "Sobre", (
            "Conte aqui quem escreve este site e por que em mais de um idioma.",
            "Esta página fica em `content/pages/about/`; o `menu` de `content/site.yml` faz o link para ela "
            "em todas as páginas.",
        ),
        ("O primeiro parágrafo.", "O comentário.")),
    "ca": Starter(
        "Benvinguda", (
            "Aquest és el primer assaig del teu lloc. És a `content/posts/welcome/`, un fitxer per llengua: "
            "`index.{lang}.md` és l’original, i cadascun dels altres, una traducció que ho indica amb "
            "`translation_of`.",
            "Cada paràgraf d’una traducció es mostra al costat del mateix paràgraf de l’original, així que una "
            "traducció conserva els paràgrafs, els títols i les llistes de l’original.",
            "Per escriure el següent: `tertulia new post el-meu-assaig --lang {lang}` i, per a cada traducció, "
            "`tertulia new translation el-meu-assaig --lang …`. `tertulia serve` el mostra mentre escrius.",
        ),
        "Qui som", (
            "Explica aquí qui escriu aquest lloc i per què en més d’una llengua.",
            "Aquesta pàgina és a `content/pages/about/`; el `menu` de `content/site.yml` l’enllaça des de "
            "totes les pàgines.",
        ),
        ("El primer paràgraf.", "El comentari.")),
    "ar": Starter(
        "أهلًا وسهلًا", (
            "هذه أولى مقالات موقعك. تقع في `content/posts/welcome/`، ملف لكل لغة: `index.{lang}.md` هو الأصل، "
            "وكل ملف آخر ترجمة تقول ذلك عبر `translation_of`.",
            "تقف كل فقرة من الترجمة بجانب الفقرة نفسها من الأصل، لذا تحافظ الترجمة على ما في الأصل من فقرات "
            "وعناوين وقوائم.",
            "لكتابة المقالة التالية: `tertulia new post my-essay --lang {lang}`، ثم `tertulia new translation "
            "my-essay --lang …` لكل ترجمة. ويعرضها `tertulia serve` وأنت تكتب.",
        ),
        "من نحن", (
            "اذكر هنا من يكتب هذا الموقع، ولماذا بأكثر من لغة.",
            "تقع هذه الصفحة في `content/pages/about/`؛ ويربطها `menu` في `content/site.yml` من كل صفحة.",
        ),
        ("الفقرة الأولى.", "التعليق.")),
    "fa": Starter(
        "خوش آمدید", (
            "این نخستین جستار سایت شماست. در `content/posts/welcome/` است، برای هر زبان یک فایل: "
            "`index.{lang}.md` متن اصلی است و هر فایل دیگر ترجمه‌ای که این را با `translation_of` می‌گوید.",
            "هر بند ترجمه کنار همان بند از متن اصلی می‌ایستد، پس ترجمه شمار بندها، عنوان‌ها و فهرست‌های متن "
            "اصلی را نگه می‌دارد.",
            "برای نوشتن جستار بعدی: `tertulia new post my-essay --lang {lang}`، سپس `tertulia new translation "
            "my-essay --lang …` برای هر ترجمه. `tertulia serve` آن را همان‌طور که می‌نویسید نشان می‌دهد.",
        ),
        "دربارهٔ ما", (
            "اینجا بگویید چه کسی این سایت را می‌نویسد، و چرا به بیش از یک زبان.",
            "این صفحه در `content/pages/about/` است؛ `menu` در `content/site.yml` از همهٔ صفحه‌ها به آن پیوند می‌دهد.",
        ),
        ("بند نخست.", "دیدگاه.")),
    "he": Starter(
        "ברוכים הבאים", (
            "זוהי המסה הראשונה באתר שלך. היא נמצאת ב-`content/posts/welcome/`, קובץ אחד לכל שפה: "
            "`index.{lang}.md` הוא המקור, וכל קובץ אחר הוא תרגום שמציין זאת ב-`translation_of`.",
            "כל פסקה של תרגום עומדת לצד אותה פסקה במקור, ולכן תרגום שומר על הפסקאות, הכותרות והרשימות של "
            "המקור.",
            "כדי לכתוב את הבאה: `tertulia new post my-essay --lang {lang}`, ואחר כך `tertulia new translation "
            "my-essay --lang …` לכל תרגום. `tertulia serve` מציג אותה בזמן הכתיבה.",
        ),
        "אודות", (
            "כאן אפשר לספר מי כותב את האתר הזה, ולמה ביותר משפה אחת.",
            "הדף הזה נמצא ב-`content/pages/about/`; ה-`menu` שב-`content/site.yml` מקשר אליו מכל דף.",
        ),
        ("הפסקה הראשונה.", "התגובה.")),
    "uk": Starter(
        "Ласкаво просимо", (
            "Це перший есей вашого сайту. Він лежить у `content/posts/welcome/`, по одному файлу на кожну мову: "
            "`index.{lang}.md` — це оригінал, а кожен інший файл — переклад, який каже про це через `translation_of`.",
            "Кожен абзац перекладу стоїть поруч із тим самим абзацом оригіналу, тож переклад зберігає абзаци, "
            "заголовки й списки оригіналу.",
            "Щоб написати наступний: `tertulia new post my-essay --lang {lang}`, а потім `tertulia new translation "
            "my-essay --lang …` для кожного перекладу. `tertulia serve` показує його, поки ви пишете.",
        ),
        "Про сайт", (
            "Розкажіть тут, хто пише цей сайт і чому більш ніж однією мовою.",
            "Ця сторінка лежить у `content/pages/about/`; `menu` у `content/site.yml` посилається на неї з кожної "
            "сторінки.",
        ),
        ("Перший абзац.", "Коментар.")),
    "ru": Starter(
        "Добро пожаловать", (
            "Это первое эссе вашего сайта. Оно лежит в `content/posts/welcome/`, по одному файлу на каждый язык: "
            "`index.{lang}.md` — это оригинал, а каждый другой файл — перевод, который говорит об этом через "
            "`translation_of`.",
            "Каждый абзац перевода стоит рядом с тем же абзацем оригинала, поэтому перевод сохраняет абзацы, "
            "заголовки и списки оригинала.",
            "Чтобы написать следующее: `tertulia new post my-essay --lang {lang}`, а затем `tertulia new "
            "translation my-essay --lang …` для каждого перевода. `tertulia serve` показывает его, пока вы пишете.",
        ),
        "О сайте", (
            "Расскажите здесь, кто пишет этот сайт и почему больше чем на одном языке.",
            "Эта страница лежит в `content/pages/about/`; `menu` в `content/site.yml` ссылается на неё с каждой "
            "страницы.",
        ),
        ("Первый абзац.", "Комментарий.")),
    "pl": Starter(
        "Witamy", (
            "To pierwszy esej na Twojej stronie. Znajduje się w `content/posts/welcome/`, po jednym pliku na każdy "
            "język: `index.{lang}.md` to oryginał, a każdy inny plik to przekład, który mówi o tym przez "
            "`translation_of`.",
            "Każdy akapit przekładu stoi obok tego samego akapitu oryginału, dlatego przekład zachowuje akapity, "
            "nagłówki i listy oryginału.",
            "Aby napisać następny: `tertulia new post moj-esej --lang {lang}`, a potem `tertulia new translation "
            "moj-esej --lang …` dla każdego przekładu. `tertulia serve` pokazuje go na bieżąco, gdy piszesz.",
        ),
        "O stronie", (
            "Napisz tutaj, kto prowadzi tę stronę i dlaczego w więcej niż jednym języku.",
            "Ta strona znajduje się w `content/pages/about/`; `menu` w `content/site.yml` prowadzi do niej z każdej "
            "strony.",
        ),
        ("Pierwszy akapit.", "Komentarz.")),
    "ja": Starter(
        "ようこそ", (
            "これはあなたのサイトの最初のエッセイです。`content/posts/welcome/` にあり、言語ごとにファイルが一つあります。"
            "`index.{lang}.md` が原文で、ほかのファイルはそれぞれ `translation_of` でそう示す翻訳です。",
            "翻訳の各段落は原文の同じ段落の隣に並ぶので、翻訳は原文の段落、見出し、リストの数を保ちます。",
            "次のエッセイを書くには、`tertulia new post my-essay --lang {lang}` を実行し、翻訳ごとに `tertulia new "
            "translation my-essay --lang …` を実行します。`tertulia serve` を使えば、書いているそばから表示されます。",
        ),
        "このサイトについて", (
            "このサイトを誰が書いているのか、そしてなぜ複数の言語で書くのかを、ここに書いてください。",
            "このページは `content/pages/about/` にあります。`content/site.yml` の `menu` が、すべてのページからこのページに"
            "リンクしています。",
        ),
        ("最初の段落。", "コメント。")),
    "nl": Starter(
        "Welkom", (
            "Dit is het eerste essay van je site. Het staat in `content/posts/welcome/`, één bestand per taal: "
            "`index.{lang}.md` is het origineel, elk ander bestand een vertaling die dat met `translation_of` "
            "aangeeft.",
            "Elke alinea van een vertaling staat naast dezelfde alinea van het origineel; een vertaling behoudt "
            "daarom de alinea's, koppen en lijsten van het origineel.",
            "Voor het volgende essay: `tertulia new post mijn-essay --lang {lang}`, daarna voor elke vertaling "
            "`tertulia new translation mijn-essay --lang …`. `tertulia serve` toont het terwijl je schrijft.",
        ),
        "Over deze site", (
            "Vertel hier wie deze site schrijft, en waarom in meer dan één taal.",
            "Deze pagina staat in `content/pages/about/`; het `menu` in `content/site.yml` linkt ernaar vanaf "
            "elke pagina.",
        ),
        ("De eerste alinea.", "De reactie.")),
    "sv": Starter(
        "Välkommen", (
            "Det här är den första essän på din webbplats. Den ligger i `content/posts/welcome/`, en fil per "
            "språk: `index.{lang}.md` är originalet, varje annan fil en översättning som anger det med "
            "`translation_of`.",
            "Varje stycke i en översättning står bredvid samma stycke i originalet; en översättning behåller "
            "därför originalets stycken, rubriker och listor.",
            "För att skriva nästa essä: `tertulia new post min-essa --lang {lang}`, sedan `tertulia new translation "
            "min-essa --lang …` för varje översättning. `tertulia serve` visar den medan du skriver.",
        ),
        "Om webbplatsen", (
            "Berätta här vem som skriver den här webbplatsen, och varför på mer än ett språk.",
            "Den här sidan ligger i `content/pages/about/`; `menu` i `content/site.yml` länkar till den från "
            "varje sida.",
        ),
        ("Det första stycket.", "Kommentaren.")),
}


def starter(lang: str) -> Starter:
    """The starter words in `lang`, its base language's (`pt` for `pt-BR`), or English."""
    return _starter_in(lang) or STARTERS["en"]


def has_starter(lang: str) -> bool:
    """Whether `starter` has words in `lang` itself (or its base language), not English's stand-in."""
    return _starter_in(lang) is not None


def _starter_in(lang: str) -> Starter | None:
    return STARTERS.get(lang) or STARTERS.get(lang.split("-")[0])
