# ruff: noqa: E501
"""Regenerates the held-out articles in this folder (run: python tests/articles_heldout/make_heldout.py).

Written independently of tests/articles/: other sites' layouts (VietnamPlus / VnExpress / Nhân Dân /
Tuổi Trẻ / Interfax / Xinhua / Reuters), other encodings of the same noise, and three stories told
separately in en / ru / vi. Expectations live in expected.json and were written from a human reading
of these texts, not from the program's output.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

D = Path(__file__).resolve().parent
NBSP = "\u00a0"


def w(name: str, text: str, enc: str = "utf-8") -> None:
    (D / name).write_bytes(text.encode(enc))


def mojibake(text: str, errors: str) -> str:
    """UTF-8 bytes read as Windows-1252 (holes for the 5 bytes cp1252 lacks, per `errors`)."""
    if errors == "sloppy":
        import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

        return text.encode("utf-8").decode("sloppy-windows-1252")
    return text.encode("utf-8").decode("cp1252", errors=errors)


# ---------------------------------------------------------------- story A: 26th intergovernmental committee, 2026-03-03
A_EN = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Vietnam, Russia sign seven cooperation documents at intergovernmental committee session | Vietnam+ (VietnamPlus)</title>
<meta property="og:title" content="Vietnam, Russia sign seven cooperation documents at intergovernmental committee session | Vietnam+ (VietnamPlus)">
<meta property="article:published_time" content="2026-03-03T18:20:00+07:00">
<meta property="article:section" content="Politics">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Vietnam, Russia sign seven cooperation documents at intergovernmental committee session","datePublished":"2026-03-03T18:20:00+07:00","author":{"@type":"Organization","name":"VNA"}}</script>
<script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>
</head>
<body>
<header class="site-header"><a href="/">VietnamPlus</a><ul class="menu"><li>Politics</li><li>Business</li><li>Society</li></ul></header>
<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/politics">Politics</a></nav>
<div class="container">
<div class="article-wrap">
<h1 class="article__title">Vietnam, Russia sign seven cooperation documents at intergovernmental committee session</h1>
<div class="article__meta"><span class="author">VNA</span> <time>Tuesday, March 3, 2026 18:20</time></div>
<div class="article__sapo"><p>Bilateral trade between Vietnam and Russia reached 7.1 billion USD in 2025, and the two sides set a target of 10 billion USD by 2030.</p></div>
<div class="article__body">
<figure class="image"><img src="https://img.vietnamplus.vn/2026/03/03/chernyshenko.jpg" alt=""><figcaption>Deputy Prime Minister Bui Thanh Son (right) and Russian Deputy Prime Minister Dmitry Chernyshenko co-chair the session in Hanoi on March 3. (Photo: VNA)</figcaption></figure>
<p>Hanoi (VNA) – Deputy Prime Minister and Minister of Foreign Affairs Bui Thanh Son and Russian Deputy Prime Minister Dmitry Chernyshenko co-chaired the 26th session of the Vietnam–Russia Intergovernmental Committee for Economic, Trade, Scientific and Technical Cooperation in Hanoi on March 3.</p>
<p>Son said the two countries had kept up the momentum of their comprehensive strategic partnership, with trade rising 12% last year. He proposed that the two sides remove barriers for Vietnamese farm and seafood products entering the Russian market and make better use of the free trade agreement between Vietnam and the Eurasian Economic Union.</p>
<div class="related-box"><h3>Related news</h3><ul><li><a href="/a1">Vietnam, Russia look to boost oil and gas cooperation</a></li><li><a href="/a2">Russian tourists flock to Nha Trang</a></li></ul></div>
<p>Chernyshenko said Russia was ready to expand cooperation in energy, education and digital transformation, and to train more Vietnamese specialists at Russian universities.</p>
<p>At the end of the session, the two deputy prime ministers signed the minutes and witnessed the exchange of seven cooperation documents between ministries and agencies of the two countries. Later the same day, Chernyshenko was received by Prime Minister Pham Minh Chinh.</p>
<p class="share">Share: Facebook Twitter Zalo</p>
</div>
</div>
<aside class="sidebar"><h3>Most read</h3><ul><li>Hanoi tightens rules on street vendors</li></ul></aside>
</div>
<footer>© Vietnam News Agency. All rights reserved.</footer>
<script>document.write('<div id="ad"></div>');</script>
</body></html>
"""

A_RU = """ХАНОЙ, 3 марта. /ТАСС/. Вице-премьер РФ Дмитрий Чернышенко и вице-премьер, министр иностранных дел Вьетнама Буй Тхань Шон провели во вторник в Ханое 26-е заседание Межправительственной российско-вьетнамской комиссии по торгово-экономическому и научно-техническому сотрудничеству. Об этом сообщил корреспондент ТАСС.

По итогам заседания стороны подписали семь документов о сотрудничестве, в том числе в области энергетики, образования и цифровых технологий. "Мы констатируем устойчивый рост товарооборота и намерены довести его до 10 млрд долларов к 2030 году", - заявил Чернышенко.

Читайте также
Россия и Вьетнам обсудили поставки зерна

По итогам 2025 года товарооборот между Россией и Вьетнамом составил 7,1 млрд долларов, что на 12% больше, чем годом ранее.

Позднее в тот же день российского вице-премьера принял премьер-министр Вьетнама Фам Минь Тинь.

Поделиться:  ВКонтакте  Телеграм  Одноклассники
"""

A_VI = """Trang chủ > Thời sự
Thứ Ba, 03/03/2026, 19:05 (GMT+7)
Phiên họp lần thứ 26 Ủy ban liên Chính phủ Việt Nam - Nga
Chia sẻ
![](https://img.nhandan.vn/2026/03/03/phien-hop-26.jpg)
Phó Thủ tướng Bùi Thanh Sơn và Phó Thủ tướng Nga Dmitry Chernyshenko đồng chủ trì phiên họp. (Ảnh: TTXVN)
Chiều 3/3, tại Hà Nội, Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn và Phó Thủ tướng Liên bang Nga Dmitry Chernyshenko đồng chủ trì Phiên họp lần thứ 26 Ủy ban liên Chính phủ Việt Nam - Nga về hợp tác kinh tế - thương mại và khoa học - kỹ thuật.
Phát biểu tại phiên họp, Phó Thủ tướng Bùi Thanh Sơn cho biết năm 2025, kim ngạch thương mại song phương đạt 7,1 tỷ USD, tăng 12% so với năm trước. Hai bên đặt mục tiêu nâng kim ngạch lên 10 tỷ USD vào năm 2030.
Xem thêm: Nga là đối tác chiến lược toàn diện của Việt Nam
Phó Thủ tướng Dmitry Chernyshenko đánh giá cao kết quả hợp tác trong các lĩnh vực năng lượng, giáo dục và chuyển đổi số, đồng thời khẳng định Nga sẵn sàng đào tạo thêm chuyên gia cho Việt Nam.
Kết thúc phiên họp, hai Phó Thủ tướng đã ký Biên bản Phiên họp và chứng kiến lễ trao bảy văn kiện hợp tác giữa các bộ, ngành hai nước./.
Tin liên quan
Thủ tướng Phạm Minh Chính tiếp Phó Thủ tướng Nga
Việt Nam - Nga thúc đẩy hợp tác dầu khí
"""

# ---------------------------------------------------------------- story B: Aeroflot Moscow - Da Nang, announced 2026-02-18
B_EN = {
    "url": "https://e.example-news.vn/travel/aeroflot-da-nang-4871",
    "title": "Aeroflot to launch direct Moscow–Da Nang flights in late March",
    "published_at": "2026-02-18T10:15:00+03:00",
    "text": """Russia's flag carrier Aeroflot will launch direct flights between Moscow and the central Vietnamese city of Da Nang on March 29, the airline said on Wednesday, as Russian demand for beach holidays in Vietnam keeps rising.

The flights will operate three times a week from Sheremetyevo airport on Airbus A330 aircraft, with a flight time of about nine and a half hours.

Aeroflot already flies to Hanoi, Ho Chi Minh City, Nha Trang and Phu Quoc. Vietnam received 690,000 Russian visitors in 2025, up 47 percent from a year earlier, according to the National Authority of Tourism.

Read more:
Vietnam extends visa-free stay for Russians to 45 days
Nha Trang hotels report record Russian bookings
""",
}

B_RU = """Самолет Airbus A330 авиакомпании "Аэрофлот" в аэропорту Шереметьево. Фото: РИА Новости / Максим Богодвид)

МОСКВА, 18 фев — РИА Новости. "Аэрофлот" с 29 марта откроет прямые рейсы из Москвы во вьетнамский Дананг, сообщила пресс-служба авиакомпании.

Полеты будут выполняться три раза в неделю из Шереметьево на самолетах Airbus A330, время в пути составит около девяти с половиной часов.

В январе 2026 года перевозки "Аэрофлота" во Вьетнам выросли на 30% по сравнению с январем прошлого года. Всего за 2025 год Вьетнам посетили 690 тысяч россиян.

Сейчас авиакомпания летает в Ханой, Хошимин, Нячанг и на остров Фукуок.

Читайте также
Вьетнам продлил безвизовый режим для россиян до 45 дней
"""

B_VI_HTML = """<article>
<h1>Aeroflot mở đường bay thẳng Moscow - Đà Nẵng từ cuối tháng 3</h1>
<p class="sapo">Hãng hàng không quốc gia Nga Aeroflot sẽ khai thác đường bay thẳng từ Moscow đến Đà Nẵng từ ngày 29/3, với tần suất ba chuyến mỗi tuần.</p>
<figure><img src="https://cdn.example.vn/aeroflot.jpg" alt=""><figcaption>Máy bay của Aeroflot tại sân bay Sheremetyevo. Ảnh: Aeroflot</figcaption></figure>
<p>Theo thông báo của Aeroflot ngày 18/2, các chuyến bay sẽ cất cánh từ sân bay Sheremetyevo, sử dụng máy bay Airbus A330, thời gian bay khoảng 9 tiếng 30 phút.</p>
<p>Năm 2025, Việt Nam đón khoảng 690.000 lượt khách Nga, tăng 47% so với năm trước. Nga hiện là một trong mười thị trường khách quốc tế lớn nhất của Việt Nam.</p>
<p>Đại diện Sở Du lịch Đà Nẵng cho biết thành phố sẽ phối hợp với các hãng lữ hành để đón những chuyến bay đầu tiên.</p>
<div class="box-related"><p>Tin liên quan</p><p><a>Nha Trang đón lượng khách Nga kỷ lục</a></p></div>
</article>"""

# ---------------------------------------------------------------- story C: earthquake in Quang Ngai, night of 2026-01-24
C_EN = """HANOI, Jan 25 (Reuters) - A magnitude 5.0 earthquake struck Vietnam's central province of Quang Ngai late on Saturday, damaging dozens of houses and forcing residents to spend the night outdoors, the Institute of Geophysics said.

The quake hit at 10:42 p.m. local time (1542 GMT) at a depth of 8.1 km in the mountainous Kon Plong area, which has recorded hundreds of small tremors since a hydropower reservoir was filled nearby.

Local authorities said 37 houses had cracked walls and a school building was damaged. No casualties were reported.

The area was hit by a magnitude 4.7 quake in August 2025, the strongest recorded there until Saturday.

(Reporting by Khanh Vu; Editing by Martin Petty)
"""

C_RU = """Землетрясение магнитудой 5,0 произошло во Вьетнаме

Москва. 25 января. ИНТЕРФАКС - Землетрясение магнитудой 5,0 произошло в субботу вечером в провинции Куангнгай в центральной части Вьетнама, сообщил Институт геофизики Вьетнама.

Очаг землетрясения залегал на глубине 8,1 км в районе Конплонг. По данным местных властей, повреждены 37 жилых домов и здание школы, пострадавших нет.

В августе 2025 года в этом районе произошло землетрясение магнитудой 4,7, которое до сих пор считалось самым сильным.
"""

C_VI = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Động đất 5 độ ở Quảng Ngãi, hàng chục nhà bị nứt - VnExpress</title>
<meta name="description" content="Trận động đất 5 độ xảy ra tối 24/1 khiến 37 ngôi nhà bị nứt tường.">
</head><body>
<header class="section top-header"><nav class="main-nav"><ul><li>Thời sự</li><li>Góc nhìn</li><li>Thế giới</li><li>Kinh doanh</li></ul></nav></header>
<section class="section page-detail top-detail">
<div class="container">
<div class="sidebar-1">
<div class="header-content width_common">
<ul class="breadcrumb"><li><a href="/thoi-su">Thời sự</a></li></ul>
<span class="date">Chủ nhật, 25/1/2026, 07:15 (GMT+7)</span>
</div>
<h1 class="title-detail">Động đất 5 độ ở Quảng Ngãi, hàng chục nhà bị nứt</h1>
<p class="description">Trận động đất 5 độ xảy ra tại khu vực Kon Plông, tỉnh Quảng Ngãi tối 24/1, khiến 37 ngôi nhà bị nứt tường, người dân hoảng hốt chạy ra đường.</p>
<article class="fck_detail">
<p class="Normal">Theo Viện Vật lý Địa cầu, trận động đất xảy ra lúc 22h42 ngày 24/1, tâm chấn ở độ sâu 8,1 km. Đây là trận động đất mạnh nhất từng ghi nhận tại khu vực này.</p>
<figure class="tplCaption"><img src="https://i1-vnexpress.vnecdn.net/2026/01/25/dong-dat.jpg" alt=""><figcaption><p class="Image">Vết nứt trên tường một ngôi nhà ở Kon Plông. Ảnh: Hoàng Anh</p></figcaption></figure>
<p class="Normal">Chính quyền địa phương cho biết 37 ngôi nhà và một điểm trường bị nứt tường, chưa ghi nhận thương vong. Nhiều người dân đã ngủ ngoài trời vì lo sợ dư chấn.</p>
<p class="Normal">Tháng 8/2025, khu vực này từng ghi nhận trận động đất 4,7 độ, mạnh nhất trước trận động đất tối 24/1.</p>
</article>
<div class="box-tinlienquanv2"><h3>Tin liên quan</h3><ul><li>Vì sao Kon Tum liên tục động đất</li></ul></div>
</div></div></section>
<footer id="footer">VnExpress - Báo tiếng Việt nhiều người xem nhất</footer>
</body></html>
"""

# ---------------------------------------------------------------- different stories that share names with the above
D_EN_TASS_2025 = """HANOI, November 14. /TASS/. Russian Deputy Prime Minister Dmitry Chernyshenko and Vietnamese Prime Minister Pham Minh Chinh discussed cooperation in nuclear energy and education at a meeting in Hanoi on Friday, the Russian government's press service said.

The sides noted that bilateral trade grew by 10% in January-September 2025. Chernyshenko said Russia is ready to assist Vietnam in training specialists for its first nuclear power plant, Ninh Thuan 1.

"Vietnam is our reliable partner in Southeast Asia," Chernyshenko told the prime minister.

Pham Minh Chinh thanked Russia for its support and asked to speed up work on the nuclear science and technology center in Dong Nai province.
"""

D_VI_LAOS = """Phó Thủ tướng Bùi Thanh Sơn hội đàm với Bộ trưởng Ngoại giao Lào
Thứ Tư, 04/03/2026 - 16:20
Chiều 4/3, tại Hà Nội, Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Phó Thủ tướng, Bộ trưởng Ngoại giao Lào Thongsavanh Phomvihane, nhân dịp ông sang Việt Nam dự Phiên họp tham khảo chính trị lần thứ 9 giữa hai Bộ Ngoại giao.

Hai bên nhất trí phối hợp chặt chẽ để triển khai các thỏa thuận cấp cao, thúc đẩy kết nối giao thông và năng lượng, trong đó có tuyến đường sắt Viêng Chăn - Hà Nội.

Phó Thủ tướng Bùi Thanh Sơn khẳng định Việt Nam luôn coi trọng quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt với Lào.

Theo TTXVN
"""

D_RU_PHUQUOC = {
    "url": "https://ria.example/20251026/aeroflot-phuquoc.html",
    "language": "ru",
    "text": """МОСКВА, 26 окт — РИА Новости. "Аэрофлот" выполнил первый прямой рейс из Москвы на вьетнамский остров Фукуок, сообщили в авиакомпании.

Самолет Airbus A330 вылетел из Шереметьево с 300 пассажирами на борту. Рейсы будут выполняться дважды в неделю в течение зимнего сезона.

В сентябре 2025 года число российских туристов во Вьетнаме выросло на 35% по сравнению с тем же месяцем прошлого года.
""",
}

D_EN_NODATE = """Russia to offer 1,000 scholarships to Vietnamese students

Russia will offer 1,000 government scholarships to Vietnamese students for the coming academic year, the Russian Embassy in Hanoi said.

The scholarships cover tuition at more than 80 Russian universities, with priority given to engineering, nuclear physics, medicine and information technology.

Deputy Prime Minister Dmitry Chernyshenko has said that education is one of the pillars of the comprehensive strategic partnership between Russia and Vietnam.

More than 6,000 Vietnamese students are currently studying in Russia, according to the embassy.
"""

# ---------------------------------------------------------------- single articles, one noise kind or more each
E_EN_VNS = f""" date 2026-02-27 Society
Home Society

HCM City breaks ground on Metro Line 2 after decade-long delay

February 27, 2026 - 17:42
The 11.3km line will link Bến Thành Market with Tham Lương in District 12.

{NBSP}

Leaders of HCM City attend the groundbreaking ceremony in Tân Bình District on February 27. — VNA/VNS Photo Hoàng Hải

HCM CITY — HCM City on Friday broke ground on Metro Line 2 (Bến Thành – Tham Lương), a project first approved in 2010 that has been delayed for more than a decade by land clearance and funding problems.

The line, with a total investment of VNĐ50 trillion (US$1.9 billion), will have nine underground stations and one elevated station, Chairman of the municipal People’s Committee Nguyễn Văn Được said at the ceremony.

Land clearance for the project was completed in December 2025, after the city relocated more than 600 households along Cách Mạng Tháng Tám Street.

The city expects to put the line into operation by 2030, Được said. — VNS{NBSP}

Hà Nội to pilot low-emission zone inside Ring Road 1

The pilot will restrict old motorbikes from entering the Old Quarter and Hoàn Kiếm Lake area from July.
Đà Nẵng welcomes first cruise ship of the year

More than 2,000 passengers arrived at Tiên Sa Port on board the Spectrum of the Seas.
"""

F_EN_MD = """[News](https://e.vnexpress.net/news/news) › [Traffic](https://e.vnexpress.net/news/news/traffic)

# Hanoi fines 1,200 drivers in first week of tougher alcohol checks

By Phạm Chiểu   February 14, 2026 | 08:05 pm GMT+7

![Traffic police check a driver for alcohol on Phạm Văn Đồng Street](https://i1-vnexpress.vnecdn.net/2026/02/14/alcohol-check.jpg)

Traffic police check a driver for alcohol on Phạm Văn Đồng Street, Hanoi, February 10, 2026. Photo by VnExpress/Giang Huy

Hanoi traffic police fined 1,200 drivers for drinking and driving in the first week of a city-wide crackdown that began on February 7, Colonel Đào Thanh Hải, deputy director of the Hanoi Police, said on Saturday.

Most violations were recorded in Cầu Giấy, Đống Đa and Hà Đông districts, where police set up checkpoints every night from 7 p.m. to 2 a.m.

**Related news:**

- [Hanoi to ban gasoline motorbikes inside Ring Road 1](https://e.vnexpress.net/news/1)
- [Drunk driving deaths fall 30% nationwide](https://e.vnexpress.net/news/2)

Under Decree 168, which took effect in January 2025, car drivers with any trace of alcohol face fines of up to VND40 million (US$1,580) and the loss of 10 points from their licenses.

Hải said the checks would continue until the end of the Lunar New Year holiday.
"""

G_EN_NODATE = """Vietnam's central bank kept its key refinancing rate unchanged at 4.5% on Tuesday, saying inflation remained under control while credit growth was strong.

The State Bank of Vietnam said credit to the economy grew 19% in 2025, the fastest pace in six years, as Hanoi pushed lenders to fund infrastructure and property projects.

Governor Nguyễn Thị Hồng said the bank would keep monetary policy flexible and watch the exchange rate closely, as the dong has weakened against the US dollar.

Economists at Maybank and UOB expect the rate to stay on hold for the rest of the year.

Related: Vietnam's exports jump 18% in January
"""

H_RU = """Главная › Политика
09.02.2026 | 11:20
Песков рассказал о подготовке визита вьетнамского лидера в Россию
Поделиться
Пресс-секретарь президента России Дмитрий Песков сообщил журналистам, что вчера в Кремле обсуждали график визита Генерального секретаря ЦК Компартии Вьетнама То Лама в Россию.

"Подготовка идет, сроки будут объявлены дополнительно", - сказал Песков.

По его словам, Владимир Путин и То Лам поддерживают регулярные контакты, последний телефонный разговор между ними состоялся в январе.

Материалы по теме
Лавров провел переговоры с главой МИД Вьетнама
Путин поздравил То Лама с переизбранием
"""

I_RU_NOYEAR = """Лавров и Буй Тхань Шон обсудили подготовку к заседанию межправкомиссии

Министр иностранных дел России Сергей Лавров 15 января провел в Москве переговоры с вице-премьером, министром иностранных дел Вьетнама Буй Тхань Шоном.

Стороны обсудили подготовку очередного заседания Межправительственной российско-вьетнамской комиссии, а также сотрудничество в ООН и АСЕАН.

Лавров подчеркнул, что Вьетнам остается одним из ключевых партнеров России в Азиатско-Тихоокеанском регионе.
"""

J_VI_TT = f"""Thời sự
12/02/2026 10:05 GMT+7
Hà Nội cấm xe tải vào nội đô dịp cao điểm Tết
TTO - Từ ngày 13-2 đến hết ngày 16-2, Sở Xây dựng{NBSP}Hà Nội cấm xe tải trên 1,25 tấn hoạt động trong khu vực nội đô từ 6h đến 22h nhằm giảm ùn tắc giao thông dịp cao điểm Tết Nguyên đán.

Theo Sở Xây dựng, các xe chở hàng thiết yếu như thực phẩm, hoa tươi phục vụ Tết được cấp phù hiệu riêng và được phép lưu thông theo giờ quy định.
{NBSP}
Xem thêm: Hà Nội điều chỉnh 12 tuyến xe buýt dịp Tết

Lực lượng cảnh sát giao thông sẽ bố trí 40 chốt trực tại các cửa ngõ Thủ đô để hướng dẫn người dân.{NBSP}

Chia sẻ{NBSP} Facebook{NBSP} Zalo
"""

K_VI_HTML = """<html lang="vi"><head>
<meta charset="utf-8">
<title>Giá vàng trong nước lập đỉnh mới, vượt 95 triệu đồng/lượng | Vietnam+ (VietnamPlus)</title>
<meta property="og:title" content="Giá vàng trong nước lập đỉnh mới, vượt 95 triệu đồng/lượng | Vietnam+ (VietnamPlus)">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Vietnam+"},{"@type":"NewsArticle","headline":"Giá vàng trong nước lập đỉnh mới, vượt 95 triệu đồng/lượng","datePublished":"2026-02-05T09:12:00+07:00","dateModified":"2026-02-05T11:00:00+07:00"}]}</script>
</head><body>
<div id="header"><ul><li>Chính trị</li><li>Kinh tế</li><li>Xã hội</li></ul></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> <a href="/kinhte">Kinh tế</a></div>
<div class="details">
<h1 class="details__headline">Giá vàng trong nước lập đỉnh mới, vượt 95 triệu đồng/lượng</h1>
<div class="details__content">
<div class="article-photo"><img src="https://cdn.vietnamplus.vn/vang.jpg"><p class="caption">Giao dịch vàng tại một cửa hàng ở Hà Nội. (Ảnh: Trần Việt/TTXVN)</p></div>
<p>Hà Nội (TTXVN) - Sáng 5/2, giá vàng miếng SJC được các doanh nghiệp niêm yết ở mức 95,2 triệu đồng/lượng bán ra, tăng 1,3 triệu đồng so với phiên trước và là mức cao nhất từ trước tới nay.</p>
<p>Giá vàng nhẫn cũng tăng mạnh, lên 94,8 triệu đồng/lượng. Chênh lệch giữa giá mua và giá bán được các doanh nghiệp nới rộng lên 2 triệu đồng/lượng.</p>
<div class="related-news"><p>Tin liên quan</p><ul><li><a>Giá vàng thế giới vượt 3.000 USD/ounce</a></li></ul></div>
<p>Theo các chuyên gia, giá vàng trong nước tăng theo đà của giá vàng thế giới và nhu cầu mua vàng ngày vía Thần Tài.</p>
<p style="text-align:right"><strong>(TTXVN/Vietnam+)</strong></p>
</div></div>
<div class="footer">Báo điện tử VietnamPlus - Thông tấn xã Việt Nam</div>
</body></html>
"""

L_EN_TASS = """MOSCOW, February 12. /TASS/. Russian Foreign Minister Sergey Lavrov will hold talks with Vietnamese Deputy Prime Minister and Foreign Minister Bui Thanh Son in Moscow on February 16, Russian Foreign Ministry Spokeswoman Maria Zakharova said at a briefing on Thursday.

"The ministers will discuss the implementation of agreements reached at the highest level and the schedule of upcoming contacts," Zakharova said.

The ministers last met in Kuala Lumpur in July 2025 on the sidelines of the ASEAN ministerial meetings.
"""

M_VI = """Thứ Sáu, 06/02/2026 14:00
Cần Thơ thông xe cao tốc Cần Thơ - Cà Mau
Sáng 6/2, Bộ Xây dựng tổ chức lễ thông xe toàn tuyến cao tốc Cần Thơ - Cà Mau dài 110 km, rút ngắn thời gian di chuyển giữa hai địa phương còn khoảng một giờ.

Người dân hai bên tuyến đường đã ra đón đoàn xe đầu tiên. Nhiều người cho biết họ chờ đợi ngày này từ lâu.

Phát biểu tại buổi lễ, Bộ trưởng Bộ Xây dựng Trần Hồng Minh cho biết tuyến cao tốc về đích sớm hơn kế hoạch hai tháng và giúp kết nối vùng Đồng bằng sông Cửu Long với TP Hồ Chí Minh.

Theo kế hoạch, đoạn cuối của tuyến sẽ được nâng cấp lên bốn làn xe hoàn chỉnh vào năm 2027.
"""

N_EN = """Hải Phòng opens Việt Nam’s largest container terminal

HẢI PHÒNG — The northern port city of Hải Phòng on January 29 opened the Lạch Huyện terminals 5 and 6, which can handle container ships of up to 18,000 TEU, making it the largest container terminal in Việt Nam.

The terminals, built by Hải Phòng Port JSC at a cost of VNĐ7 trillion, started trial operation in December 2025 and received their first mother vessel from Maersk.

Deputy Prime Minister Trần Hồng Hà said the new berths would help northern exporters cut logistics costs. — VNS

Related: Quảng Ninh seeks investors for Cái Lân port expansion
"""

O_EN_SAVED = """<!-- saved from url=(0062)https://english.example.cn/20260108/laos-railway-freight.html -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Laos-China Railway freight volume hits record in 2025 - Xinhua</title>
<meta property="article:published_time" content="2026-01-08T16:05:00+08:00">
</head><body>
<div class="nav"><a>Home</a> <a>World</a> <a>Business</a></div>
<div id="detail">
<h1>Laos-China Railway freight volume hits record in 2025</h1>
<p>VIENTIANE, Jan. 8 (Xinhua) -- The Laos-China Railway carried a record 16.3 million tonnes of cross-border freight in 2025, up 25 percent year on year, the railway's Lao operator said on Thursday.</p>
<p>Durian, cassava and rubber were among the main exports from Laos, while machinery and electronics dominated the goods shipped south from China, the company said.</p>
<p>The 1,035-km railway linking Kunming with Vientiane began operation in December 2021.</p>
</div>
<div class="share">Share to: WeChat Weibo Facebook</div>
</body></html>
"""

P_EN_VNA = {
    "url": "https://en.example.vn/vietnam-airlines-moscow",
    "title": "Vietnam Airlines adds Hanoi–Moscow frequencies for summer season",
    "published_at": "2026-02-19",
    "html": """<html><body><main>
<p>Vietnam Airlines will raise the number of weekly flights between Hanoi and Moscow's Sheremetyevo airport from three to five from April, the national flag carrier said on Thursday.</p>
<p>The airline said bookings from Russian tourists for the summer season were up 40 percent, driven by package tours to Ha Long Bay, Sa Pa and the beaches of Nha Trang.</p>
<p>The Hanoi–Moscow route is operated with Boeing 787 aircraft.</p>
<p>Read more: Russian arrivals to Vietnam hit record in 2025</p>
</main></body></html>""",
}


def build() -> None:
    w("a_en_vietnamplus.html", A_EN)
    w("a_ru_tass_cp1251.txt", A_RU, "cp1251")
    w("a_vi_nhandan_nfd.txt", unicodedata.normalize("NFD", A_VI))
    w("b_ru_ria_mojibake.txt", mojibake(B_RU, "replace"))
    w("c_en_reuters.txt", C_EN)
    w("c_ru_interfax.txt", C_RU)
    w("c_vi_vnexpress.html", C_VI)
    w("d_en_tass_2025.txt", D_EN_TASS_2025)
    w("d_vi_laos.txt", D_VI_LAOS)
    w("d_en_nodate.txt", D_EN_NODATE)
    w("e_en_vns_society.txt", E_EN_VNS)
    w("f_en_vnexpress_markdown.txt", F_EN_MD)
    w("g_en_no_date.txt", G_EN_NODATE)
    w("h_ru_cp1251_vchera.txt", H_RU, "cp1251")
    w("i_ru_no_year.txt", "\ufeff" + I_RU_NOYEAR)
    w("j_vi_tuoitre_nbsp.txt", J_VI_TT)
    w("k_vi_vietnamplus.html", K_VI_HTML)
    w("l_en_tass.txt", L_EN_TASS)
    w("m_vi_mojibake_lossy.txt", mojibake(M_VI, "ignore"))
    w("n_en_vns_mojibake.txt", mojibake(N_EN, "sloppy"))
    w("o_en_saved_page.txt", O_EN_SAVED)
    w("q_html_no_body.html", "<html><head><title>Tin mới</title><meta charset='utf-8'></head></html>")
    feed = [
        json.dumps(B_EN, ensure_ascii=False),
        json.dumps(D_RU_PHUQUOC, ensure_ascii=False),
        json.dumps(["not", "an", "article"]),
        json.dumps({"url": "https://example.vn/blank", "title": "Blank", "text": "   \n  "}),
    ]
    w("feed.jsonl", "\n".join(feed) + "\n")
    b_vi = {
        "url": "https://vi.example.vn/du-lich/aeroflot-da-nang.html",
        "title": "Aeroflot mở đường bay thẳng Moscow - Đà Nẵng từ cuối tháng 3",
        "published_at": "2026-02-18T15:30:00+07:00",
        "html": B_VI_HTML,
    }
    w("p_list.json", json.dumps([b_vi, P_EN_VNA], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    build()
