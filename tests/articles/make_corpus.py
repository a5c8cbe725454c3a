# ruff: noqa: E501, E402, I001
"""Regenerates the fixture articles in this folder (run: python tests/articles/make_corpus.py)."""
import json
import unicodedata
from pathlib import Path

D = Path(__file__).resolve().parent
def w(name, text, enc='utf-8'):
    (D/name).write_bytes(text.encode(enc))

w('en_vns_crumbs.txt', """ date 2026-03-12 Economy
Home Economy

Việt Nam, Japan sign semiconductor workforce deal

March 12, 2026 - 08:15
The agreement aims to train 50,000 chip engineers by 2030.

\u00a0

Deputy Prime Minister Nguyễn Chí Dũng and Japanese Minister Akazawa Ryosei exchange the documents in Hà Nội. — VNA/VNS Photo

HÀ NỘI — Việt Nam and Japan on March 11 signed a memorandum on semiconductor workforce development, under which the two countries will train 50,000 chip engineers by 2030, Deputy Prime Minister Nguyễn Chí Dũng said.

The deal follows the visit of Prime Minister Phạm Minh Chính to Tokyo in November 2025, when both sides agreed to deepen cooperation in high technology.

Under the memorandum, Japanese firms Renesas and Tokyo Electron will open training centres in Hà Nội and Đà Nẵng, with total investment of US$120 million.

“Semiconductors are a strategic industry for Việt Nam,” Dũng said at the signing ceremony.

Minister Akazawa Ryosei said Japan regarded Việt Nam as a key partner in diversifying supply chains. — VNS\u00a0

Hà Nội launches Lunar New Year flower market

The market on Hàng Lược Street opens from February 10 and runs until New Year’s Eve.
Exports rebound in first two months

Việt Nam’s exports rose 12 per cent year on year in January and February, the General Statistics Office said.
""")

vi = """Trang chủ › Kinh tế
Thứ Năm, 12/03/2026 09:30
Việt Nam và Nhật Bản ký thỏa thuận đào tạo nhân lực bán dẫn
Chia sẻ Facebook Zalo
![Lễ ký kết](https://example.vn/img/1.jpg)
Phó Thủ tướng Nguyễn Chí Dũng và Bộ trưởng Akazawa Ryosei trao văn kiện tại Hà Nội. (Ảnh: TTXVN)
Hà Nội (TTXVN) - Ngày 11/3, Việt Nam và Nhật Bản đã ký bản ghi nhớ về phát triển nguồn nhân lực bán dẫn, theo đó hai nước sẽ đào tạo 50.000 kỹ sư vi mạch đến năm 2030.
Thỏa thuận được ký sau chuyến thăm Tokyo của Thủ tướng Phạm Minh Chính vào tháng 11/2025, khi hai bên nhất trí tăng cường hợp tác trong lĩnh vực công nghệ cao.
Tin liên quan
Xuất khẩu tăng mạnh trong hai tháng đầu năm
Hà Nội khai trương chợ hoa Tết
Theo bản ghi nhớ, các doanh nghiệp Nhật Bản Renesas và Tokyo Electron sẽ mở trung tâm đào tạo tại Hà Nội và Đà Nẵng với tổng vốn đầu tư 120 triệu USD.
Phó Thủ tướng Nguyễn Chí Dũng nhấn mạnh bán dẫn là ngành công nghiệp chiến lược của Việt Nam.
Xem thêm: Nhật Bản là đối tác quan trọng của Việt Nam
"""
w('vi_vietnamplus_nfd.txt', unicodedata.normalize('NFD', vi))

ru = """ХАНОЙ, 12 марта. /ТАСС/. Вьетнам и Япония подписали меморандум о подготовке кадров для полупроводниковой отрасли, согласно которому к 2030 году будут подготовлены 50 000 инженеров. Об этом сообщил вице-премьер Вьетнама Нгуен Ти Зунг.

Соглашение стало итогом визита премьер-министра Вьетнама Фам Минь Тиня в Токио в ноябре 2025 года, в ходе которого стороны договорились углублять сотрудничество в сфере высоких технологий.

Читайте также: Вьетнам нарастил экспорт в начале года

Японские компании Renesas и Tokyo Electron откроют учебные центры в Ханое и Дананге, общий объем инвестиций составит 120 млн долларов.

Министр Японии Рёсэй Акадзава назвал Вьетнам ключевым партнером в диверсификации цепочек поставок.

Поделиться
"""
w('ru_tass_cp1251.txt', ru, 'cp1251')

en_moj = """TOKYO, November 5. /TASS/. Japan’s Prime Minister Sanae Takaichi and Vietnamese Prime Minister Phạm Minh Chính agreed on Wednesday to expand cooperation in energy and infrastructure, the Japanese government said.

Takaichi, who took office in October 2025, called Việt Nam “a pillar of Japan’s Southeast Asia policy”. The two leaders discussed the North–South high-speed railway and a liquefied natural gas terminal in Hải Phòng worth $2.1 billion.

Chính invited Takaichi to visit Hà Nội next year.
"""
moj = en_moj.encode('utf-8').decode('cp1252', errors='ignore')
w('en_mojibake_tass.txt', moj)

ru2 = """Фото: пресс-служба мэрии Москвы
09.02.2026 14:35
В Москве открыли три новые станции Большой кольцевой линии

МОСКВА, 9 фев — РИА Новости. Мэр Москвы Сергей Собянин открыл три новые станции Большой кольцевой линии метро, сообщила пресс-служба мэрии.

По словам Собянина, новые станции «Нагатинский Затон», «Кленовый бульвар» и «Печатники» будут обслуживать более 150 тысяч пассажиров в сутки.

Строительство участка началось в 2021 году и обошлось бюджету города в 87 миллиардов рублей.

Смотрите также:
Собянин рассказал о планах строительства метро до 2030 года
В Москве продлили Некрасовскую линию

Поделиться ВКонтакте Телеграм
"""
import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)

moj2 = ru2.encode('utf-8').decode('sloppy-windows-1252')
w('ru_mojibake_ria.txt', moj2)

w('ru_year_inference.txt', """Посол Японии в России Акира Муто заявил 10 февраля, что Токио рассчитывает сохранить каналы диалога с Москвой по рыболовству.

В минувшем 2025 году переговоры о квотах на вылов лосося в водах Охотского моря завершились соглашением, напомнил дипломат.

По его словам, японская сторона готова провести очередной раунд консультаций весной.
""")

vi2 = """Mưa lũ gây sạt lở nghiêm trọng tại Thừa Thiên Huế

Ngày 9/2/2026, mưa lớn kéo dài trên địa bàn Thừa Thiên Huế đã gây sạt lở tại nhiều tuyến đường ở huyện A Lưới, khiến giao thông bị chia cắt.

Theo Ban Chỉ huy phòng chống thiên tai tỉnh, lượng mưa trong 24 giờ qua đạt hơn 350 mm. Lực lượng chức năng đã sơ tán 1.200 hộ dân khỏi vùng nguy hiểm.

Ông Nguyễn Văn Phương, Chủ tịch UBND tỉnh, yêu cầu các địa phương khẩn trương khắc phục hậu quả./.

Theo TTXVN
"""
w('vi_flood_dates.txt', vi2)

w('en_no_date_evidence.txt', """HANOI, March 5 — Vietnamese coffee exporters are shifting to robusta blends as prices for arabica stay high, traders said.

Exporters in Đắk Lắk province said buyers in Germany and Italy had asked for more robusta in recent weeks.

“Demand is strong and the harvest was good,” said Lê Văn Hùng, director of a trading company in Buôn Ma Thuột.
""")

wrapped = """LONDON, Feb 9 (Reuters) - British energy regulator Ofgem said on
Monday it would lower the household price cap by 4% from April, after
wholesale gas prices fell through the winter that followed the sharp
rise seen in December 2025.

The cap, which limits what suppliers can charge per unit of energy,
will fall to 1,690 pounds a year for a typical household, Ofgem said
in a statement published on its website on Monday morning in London.

Read more:
UK inflation slows to 2.8% in January
Bank of England holds rates steady
"""
w('en_reuters_wrapped.txt', wrapped)

w('en_markdown_share.txt', """Share Facebook Twitter
Related:
Australia floods: thousands evacuated in Queensland
# Cyclone Alfred makes landfall near Brisbane

![Waves crash on the shore at Surfers Paradise](https://img.example.com/alfred.jpg)

Cyclone Alfred made landfall near Brisbane on Saturday, cutting power to more than 300,000 homes, Queensland Premier David Crisafulli said.

![](https://img.example.com/map.png)

The storm brought wind gusts of up to 120 km/h and heavy rain across south-east Queensland and northern New South Wales.

Emergency crews rescued dozens of residents from flooded homes in the Gold Coast hinterland overnight.

Read more: Why cyclones are moving further south
""")

html1 = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Finland opens world's first deep nuclear waste repository | Nordic Times</title>
<meta property="og:title" content="Finland opens world's first deep nuclear waste repository">
<meta property="article:published_time" content="2026-01-15T07:30:00+02:00">
<meta property="article:section" content="Science">
<link rel="canonical" href="https://nordictimes.example/science/onkalo">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-01-14T00:00:00Z"}</script>
<style>body{font-family:serif}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/science">Science</a></nav>
<div class="share-bar"><a>Share</a><a>Facebook</a><a>Twitter</a></div>
<article>
<h1>Finland opens world's first deep nuclear waste repository</h1>
<time datetime="2026-01-15T07:30:00+02:00">January 15, 2026</time>
<figure><img src="onkalo.jpg" alt=""><figcaption>The entrance to the Onkalo repository on Olkiluoto island. Photo: Posiva</figcaption></figure>
<p>EURAJOKI, Finland — Finland on Wednesday began final disposal of spent nuclear fuel at the Onkalo repository, 430 metres under the bedrock of Olkiluoto island, operator Posiva said.</p>
<p>The repository is designed to isolate the waste for 100,000 years. Finland's Minister of Economic Affairs Sakari Puisto called it <b>a milestone</b> for the nuclear industry.</p>
<aside class="related"><h3>Related</h3><ul><li><a>Sweden approves its own repository</a></li></ul></aside>
<p>Posiva expects to place about 6,500 tonnes of uranium in the site over the next century.</p>
</article>
<footer>© Nordic Times 2026. All rights reserved.</footer>
<script>window.track && track('view');</script>
</body></html>
"""
w('en_article.html', html1)

html2 = """<html lang="vi"><head>
<meta charset="utf-8">
<title>Hà Nội khởi công tuyến metro số 5 - Báo Tin Tức</title>
<meta property="og:title" content="Hà Nội khởi công tuyến metro số 5 - Báo Tin Tức">
<meta property="article:published_time" content="2026-02-20T10:00:00+07:00">
</head><body>
<div class="breadcrumb">Trang chủ » Đô thị</div>
<main>
<div class="content">
<p>Sáng 20/2, UBND thành phố Hà Nội tổ chức lễ khởi công tuyến đường sắt đô thị số 5 Văn Cao – Hòa Lạc với tổng vốn đầu tư hơn 65.000 tỷ đồng.</p>
<figure><img src="metro.jpg"><figcaption>Các đại biểu thực hiện nghi thức khởi công tuyến metro số 5. Ảnh: Văn Điệp/TTXVN</figcaption></figure>
<p>Tuyến metro dài 38,4 km, trong đó đoạn đi ngầm dài 6,5 km, dự kiến hoàn thành vào năm 2030.</p>
<p>Phát biểu tại buổi lễ, Chủ tịch UBND thành phố Trần Sỹ Thanh cho biết đây là dự án trọng điểm của Thủ đô.</p>
<div class="tin-lien-quan"><p>Tin liên quan</p><p>Hà Nội đề xuất xây 10 tuyến metro</p></div>
</div>
</main>
<footer>Báo Tin Tức - Thông tấn xã Việt Nam</footer>
</body></html>
"""
w('vi_article.html', html2)

lines = [
    json.dumps({"url": "https://example.com/a1", "title": "Kazakhstan to build first nuclear power plant with Rosatom",
                "published_at": "2025-06-14T09:00:00Z", "language": "en", "source": "Interfax",
                "text": "Kazakhstan has chosen Russia's Rosatom to lead construction of its first nuclear power plant near Lake Balkhash, the government said on Saturday.\n\nThe plant will have two reactors with a combined capacity of 2,400 megawatts.\n\nShare Facebook Twitter"}, ensure_ascii=False),
    '{"url": "https://example.com/broken", "text": "this line is cut',
    json.dumps({"url": "https://example.com/a3", "html": "<html><body><article><h1>Новый мост через Лену откроют в 2028 году</h1><p>ЯКУТСК, 3 июля 2025 года. /ТАСС/. Строительство моста через реку Лену в Якутии завершат к 2028 году, сообщил глава республики Айсен Николаев.</p><p>Стоимость проекта оценивается в 140 млрд рублей.</p></article></body></html>"}, ensure_ascii=False),
    json.dumps({"url": "https://example.com/a4", "title": "Empty"}),
]
w('feed_mixed.jsonl', "\n".join(lines) + "\n")

# quarantine cases
(D/'q_binary.png').write_bytes(b'\x89PNG\r\n\x1a\n' + bytes(range(256)) * 8)
(D/'q_empty.txt').write_bytes(b'')
(D/'q_whitespace.txt').write_bytes(b'   \n\t\n  \xc2\xa0 \r\n\n')
import random

_r = random.Random(7)
(D/'q_undecodable.txt').write_bytes(bytes(_r.randrange(128, 256) for _ in range(600)))
(D/'q_no_article.html').write_bytes(b'<html><head><title>Site</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>Copyright 2026</footer></body></html>')
(D/'q_only_furniture.txt').write_bytes(b"Home Politics\nLatest\nShare Facebook Twitter\n")
