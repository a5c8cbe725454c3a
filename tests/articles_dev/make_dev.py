# ruff: noqa: E501
"""Regenerates the dev corpus in this folder (run: python tests/articles_dev/make_dev.py).

Written before the general plain-text rules, to tune them on: 22 articles from 13 made-up sites
(none named by any rule) in en / ru / vi, as plain text, markdown scrapes, JSONL, UTF-16, KOI8-R and
Windows-1252; nine more batches (26 more from 26 more sites, HTML pages among them) were written
before the rules for issue 10 (unseen sites). Each carries site furniture of the kinds news scrapes have (menus, skip links, share
bars, "N min read" bylines, newsletter / subscribe promos, photo-licensing lines, wire credits,
trust / copyright footers, print links, tag lines, most-read teaser lists) and a wire dateline.
Expectations (expected.json) are a human reading of each text, not the program's output.
"""

from __future__ import annotations

import json
from pathlib import Path

D = Path(__file__).resolve().parent
DOCS: dict[str, dict] = {}


def w(name: str, text: str, expect: dict, enc: str = "utf-8") -> None:
    data = text.encode(enc)
    if enc == "utf-16":
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    (D / name).write_bytes(data)
    DOCS[name] = expect


# ------------------------------------------------------------------ en: a regional portal carrying Reuters
w("coastalledger_en_reuters.txt", """Skip to main content
Home | World | Business | Markets | Tech | Sport | Opinion
Sign in
World > Asia

Singapore keeps rates steady as inflation cools

By Anna Marsh · 1 Feb 2026 · 3 min read

Share  Facebook  X  LinkedIn  Email

SINGAPORE, Feb 1 (Reuters) - Singapore's central bank kept its monetary policy settings unchanged on Sunday, saying inflation had eased faster than expected in the final quarter of last year while growth remained resilient.

Core inflation slowed to 1.2% in December 2025 from 1.7% in November, official data showed, the lowest reading in more than four years.

The Monetary Authority of Singapore said it would keep the rate of appreciation of its currency band unchanged, in line with the forecasts of most economists polled by Reuters.

"The current policy stance remains appropriate," the central bank said in a statement, adding that risks to the growth outlook were tilted to the downside because of weaker global demand.

Sign up for our Morning Briefing newsletter to get the day's top stories in your inbox.

Reporting by Xinghui Kok; Editing by Kim Coghill

Our Standards: The Thomson Reuters Trust Principles.

Recommended
Asian shares edge higher ahead of Fed decision
Malaysia's ringgit hits two-year high
Oil steadies as traders weigh supply risks

© 2026 Coastal Ledger Media. All rights reserved.
""", {
    "language": "en", "published_date": "2026-02-01",
    "title": "Singapore keeps rates steady as inflation cools",
    "source": "Reuters", "dateline": "SINGAPORE",
    "body_must_contain": [
        "Singapore's central bank kept its monetary policy settings unchanged on Sunday",
        "Core inflation slowed to 1.2% in December 2025 from 1.7% in November",
        "risks to the growth outlook were tilted to the downside because of weaker global demand.",
    ],
    "body_must_not_contain": ["Skip to main content", "Sign in", "3 min read", "Share", "Morning Briefing newsletter",
                              "Reporting by", "Trust Principles", "Recommended", "Asian shares edge higher",
                              "All rights reserved", "SINGAPORE, Feb 1 (Reuters)", "Home | World"],
})

# ------------------------------------------------------------------ en: AP on a small US paper's site
w("valleycourier_en_ap.txt", """Valley Courier
News  Sports  Business  Obituaries  E-Edition  Subscribe

Typhoon leaves thousands without power in central Vietnam

Published 9:14 AM GMT+7, March 3, 2026

Share
Facebook
X
Email
Copy Link

HANOI, Vietnam (AP) — A typhoon that swept across central Vietnam overnight cut power to more than 200,000 households and forced the evacuation of coastal villages, officials said Tuesday.

The storm made landfall near the city of Quy Nhon with winds of up to 130 kph (80 mph), the national weather agency said. Falling trees blocked several roads and a fishing boat was reported missing.

Authorities had moved about 30,000 people from low-lying areas before the storm arrived, according to the national disaster committee.

Vietnam is regularly hit by storms between June and December, but typhoons this early in the year are rare.

Advertisement

Tags: Vietnam, Weather, Asia

Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.
""", {
    "language": "en", "published_date": "2026-03-03",
    "title": "Typhoon leaves thousands without power in central Vietnam",
    "source": "AP", "dateline": "HANOI",
    "body_must_contain": [
        "A typhoon that swept across central Vietnam overnight cut power to more than 200,000 households",
        "Authorities had moved about 30,000 people from low-lying areas before the storm arrived",
        "but typhoons this early in the year are rare.",
    ],
    "body_must_not_contain": ["Obituaries", "Copy Link", "Advertisement", "Tags:", "Associated Press. All rights reserved",
                              "may not be published", "(AP) —", "Valley Courier"],
})

# ------------------------------------------------------------------ en: markdown scrape carrying AFP, header date without year
w("metrowire_en_afp.md", """[Home](https://metrowire.example/) [World](https://metrowire.example/world) [Climate](https://metrowire.example/climate) [Newsletters](https://metrowire.example/newsletters)

# Global coal demand set to hit record this year, IEA says

DEC 30, 09:15

![A coal-fired power plant at dusk](https://img.metrowire.example/coal.jpg)

Photo: AFP. This image may only be used for editorial purposes; licensing via our picture desk.

Paris (AFP) - Global coal demand will exceed 8.8 billion tonnes by the end of 2025 for the first time, the International Energy Agency said on Tuesday, as power needs in India and China keep rising.

The agency said consumption grew 1.5% in the first nine months of the year, driven by heat waves that pushed up electricity demand for air conditioning.

Demand in Europe and the United States continued to fall, the IEA said, but not fast enough to offset growth in Asia.

**Most read**

- [Ten things to know before you fly this winter](https://metrowire.example/a1)
- [Why your heating bill keeps rising](https://metrowire.example/a2)

Subscribe to Metrowire for unlimited access to our journalism.
""", {
    "language": "en", "published_date": "2025-12-30",
    "title": "Global coal demand set to hit record this year, IEA says",
    "source": "AFP", "dateline": "Paris",
    "body_must_contain": [
        "Global coal demand will exceed 8.8 billion tonnes by the end of 2025 for the first time",
        "The agency said consumption grew 1.5% in the first nine months of the year",
        "but not fast enough to offset growth in Asia.",
    ],
    "body_must_not_contain": ["Newsletters", "Most read", "Ten things to know", "Subscribe to", "editorial purposes",
                              "![", "](http", "(AFP) -"],
})

# ------------------------------------------------------------------ en: Xinhua on an aggregator, Windows-1252 with em dashes
w("asiadigest_en_xinhua.txt", """ASIA DIGEST  |  Home  |  China  |  Region  |  About us

05.01.2026

China's railways handle record passenger trips during New Year holiday

BEIJING, Jan. 5 (Xinhua) -- China's railways handled a record 58.3 million passenger trips during the three-day New Year holiday, the national railway operator said on Monday — up 9 percent from the same period a year earlier.

The China State Railway Group said it added more than 1,200 trains a day to meet demand, with the busiest routes linking Beijing, Shanghai and Guangzhou to popular winter destinations in the north-east.

Harbin, known for its ice festival, received 2.1 million rail passengers over the holiday, the operator said — a “new high” for the city.

Print version

Editor: Wang Lei

Copyright © 2026 Asia Digest. All rights reserved.
""", {
    "language": "en", "published_date": "2026-01-05",
    "title": "China's railways handle record passenger trips during New Year holiday",
    "source": "Xinhua", "dateline": "BEIJING",
    "body_must_contain": [
        "China's railways handled a record 58.3 million passenger trips during the three-day New Year holiday, the national railway operator said on Monday — up 9 percent",
        "the operator said — a \u201cnew high\u201d for the city.",
    ],
    "body_must_not_contain": ["Ś", "Print version", "About us", "All rights reserved", "(Xinhua) --", "Editor: Wang Lei"],
}, enc="cp1252")

# ------------------------------------------------------------------ en: JSONL feed carrying Kyodo and Bernama (\\u escapes, pubDate before fetched_at)
feed = [
    {"url": "https://pacificwire.example/2026/02/12/tokyo-hydrogen", "title": "Tokyo to launch hydrogen bus fleet in April",
     "pubDate": "Thu, 12 Feb 2026 06:40:00 +0900", "fetched_at": "2026-03-01T00:00:00Z",
     "text": "TOKYO, Feb. 12 (Kyodo) -- The Tokyo metropolitan government will put 40 hydrogen fuel-cell buses into service in April, Governor Yuriko Koike said Thursday, as the capital steps up efforts to cut emissions.\n\nThe buses will run on routes linking central Tokyo with the waterfront districts, where the city plans to build two new hydrogen stations.\n\nKoike said the city aims to have 300 such buses on its roads by 2030.\n\nShare this article\n\nRelated coverage:\nJapan eyes hydrogen supply chain with Australia\nToyota unveils new fuel-cell truck"},
    {"url": "https://pacificwire.example/2026/02/20/kl-durian", "headline": "Malaysia durian exports to China jump 40 pct",
     "date": "2026-02-20", "fetched_at": "2026-03-01T00:00:00Z",
     "body": "KUALA LUMPUR, Feb 20 (Bernama) -- Malaysia\u2019s durian exports to China rose 40 per cent last year to 1.2 billion ringgit, Agriculture and Food Security Minister Mohamad Sabu said today.\n\nHe said frozen whole durians made up most of the shipments, after China approved imports of the fruit in 2024.\n\n\u201cWe expect demand to keep growing as more Chinese provinces open distribution centres,\u201d he told reporters after an event in Putrajaya.\n\n-- BERNAMA\n\nSubscribe to our Telegram channel for the latest updates."},
]
w("pacificwire_feed.jsonl", "".join(json.dumps(x, ensure_ascii=True) + "\n" for x in feed), {})
DOCS.pop("pacificwire_feed.jsonl")
DOCS["pacificwire_feed.jsonl#1"] = {
    "language": "en", "published_date": "2026-02-12", "title": "Tokyo to launch hydrogen bus fleet in April",
    "source": "Kyodo", "dateline": "TOKYO",
    "body_must_contain": ["The Tokyo metropolitan government will put 40 hydrogen fuel-cell buses into service in April",
                          "Koike said the city aims to have 300 such buses on its roads by 2030."],
    "body_must_not_contain": ["Share this article", "Related coverage", "Toyota unveils", "(Kyodo) --"],
}
DOCS["pacificwire_feed.jsonl#2"] = {
    "language": "en", "published_date": "2026-02-20", "title": "Malaysia durian exports to China jump 40 pct",
    "source": "Bernama", "dateline": "KUALA LUMPUR",
    "body_must_contain": ["Malaysia\u2019s durian exports to China rose 40 per cent last year to 1.2 billion ringgit",
                          "he told reporters after an event in Putrajaya."],
    "body_must_not_contain": ["-- BERNAMA", "Subscribe to our Telegram channel", "(Bernama) --"],
}

# ------------------------------------------------------------------ en: Yonhap, UTF-16
w("koreabeat_en_yonhap.txt", """KoreaBeat
Menu
Politics  North Korea  Economy  Culture  K-pop

S. Korea's exports rise for 10th straight month on chip boom

2026.03.04 10:02

SEOUL, March 4 (Yonhap) -- South Korea's exports rose for the 10th consecutive month in February on robust demand for semiconductors, government data showed Wednesday.

Outbound shipments climbed 8.4 percent from a year earlier to US$55.2 billion, according to the Ministry of Trade, Industry and Energy.

Chip exports jumped 31 percent to a record $14.6 billion for the month, the ministry said.

(END)

Most Viewed
1. BTS member to begin military service
2. Seoul apartment prices rise again

(C) Yonhap News Agency. All rights reserved.
""", {
    "language": "en", "published_date": "2026-03-04",
    "title": "S. Korea's exports rise for 10th straight month on chip boom",
    "source": "Yonhap", "dateline": "SEOUL",
    "body_must_contain": ["South Korea's exports rose for the 10th consecutive month in February",
                          "Chip exports jumped 31 percent to a record $14.6 billion for the month, the ministry said."],
    "body_must_not_contain": ["K-pop", "(END)", "Most Viewed", "BTS member", "All rights reserved", "(Yonhap) --"],
}, enc="utf-16")

# ------------------------------------------------------------------ en: ANTARA on a portal, no date at all
w("nusantaranow_en_antara.txt", """Nusantara Now
Home > Economy

Indonesia targets 14 million foreign tourist arrivals

Jakarta (ANTARA) - Indonesia's Tourism Ministry has set a target of 14 million foreign tourist arrivals, up from about 13.9 million recorded last year, Minister Widiyanti Putri Wardhana said.

She said the ministry would focus on promoting destinations beyond Bali, including Lake Toba, Labuan Bajo and Mandalika.

The government also plans to simplify visa procedures for visitors from several countries in the region.

Reporter: Putu Indah Savitri
Editor: Rahmad Nasution
Copyright © ANTARA 2026

Tags: tourism, Bali, visa
""", {
    "language": "en", "published_date": None,
    "title": "Indonesia targets 14 million foreign tourist arrivals",
    "source": "ANTARA", "dateline": "Jakarta",
    "body_must_contain": ["Indonesia's Tourism Ministry has set a target of 14 million foreign tourist arrivals",
                          "The government also plans to simplify visa procedures for visitors from several countries in the region."],
    "body_must_not_contain": ["Reporter:", "Editor:", "Copyright", "Tags:", "Home > Economy", "(ANTARA) -"],
})

# ------------------------------------------------------------------ en: Bloomberg syndicated, no dateline
w("financehub_en_bloomberg.txt", """FinanceHub
Markets | Economy | Tech | Personal Finance | Newsletters
Most Read from Bloomberg
Apple Plans Cheaper Vision Headset
The Richest Families in Asia Got Richer

Vietnam's Stocks Rally as Upgrade to Emerging Market Nears

Feb 9, 2026, 3:12 PM GMT+7

(Bloomberg) -- Vietnamese stocks climbed to the highest level in almost four years as investors bet that index provider FTSE Russell will confirm the market's upgrade to emerging status in the coming weeks.

The benchmark VN Index rose as much as 2.1% on Monday, with brokerages and banks leading gains. Foreign investors were net buyers for a fifth straight session.

An upgrade could draw as much as $1.7 billion of passive inflows, according to estimates by local brokerage SSI Securities.

©2026 Bloomberg L.P.

Sign up for the Asia Markets newsletter
""", {
    "language": "en", "published_date": "2026-02-09",
    "title": "Vietnam's Stocks Rally as Upgrade to Emerging Market Nears",
    "source": "Bloomberg", "dateline": None,
    "body_must_contain": ["Vietnamese stocks climbed to the highest level in almost four years",
                          "An upgrade could draw as much as $1.7 billion of passive inflows"],
    "body_must_not_contain": ["Most Read from Bloomberg", "Apple Plans", "Bloomberg L.P.", "Sign up for", "(Bloomberg) --",
                              "Personal Finance"],
})

# ------------------------------------------------------------------ en: a paper's own story, generic dateline, no agency
w("lagosherald_en_generic.txt", """The Lagos Herald
Skip to content
News | Politics | Business | Sports | Entertainment
Menu

Lagos opens second rail line to passengers

March 2, 2026

By Chidi Okafor

LAGOS, March 2 — The second line of the Lagos light rail opened to passengers on Monday, linking the mainland district of Agbado with the Marina business hub in under an hour.

Governor Babajide Sanwo-Olu said the line would carry about 500,000 passengers a day once all stations were open.

Commuters who tried the service said it had cut their journey time by more than half.

Print this article

Join our WhatsApp channel for breaking news.

Trending Now
Super Eagles name squad for qualifiers
Naira firms against dollar
""", {
    "language": "en", "published_date": "2026-03-02",
    "title": "Lagos opens second rail line to passengers",
    "source": None, "dateline": "LAGOS",
    "body_must_contain": ["The second line of the Lagos light rail opened to passengers on Monday",
                          "Commuters who tried the service said it had cut their journey time by more than half."],
    "body_must_not_contain": ["Skip to content", "Print this article", "WhatsApp channel", "Trending Now", "Super Eagles",
                              "By Chidi Okafor", "LAGOS, March 2 —"],
})

# ------------------------------------------------------------------ en: VNS style on another site, sign-off then teasers
w("saigonweekly_en_vns.txt", """Saigon Weekly
Home  Society  Economy  Life & Style  Sports

Society

HCM City to plant 1 million trees by 2030

Thursday, February 26, 2026 - 08:40

HCM CITY — The city plans to plant one million trees by 2030 along canals, in new urban areas and in public parks to reduce heat and flooding, the Department of Construction said on Wednesday.

About 120,000 trees would be planted this year, mostly native species such as dipterocarps and tamarind, the department said.

Residents will be invited to sponsor trees through a mobile app, with each tree tagged with a QR code. — VNS

HCM City metro line No 2 breaks ground

Air pollution in Hà Nội reaches unhealthy levels
""", {
    "language": "en", "published_date": "2026-02-26",
    "title": "HCM City to plant 1 million trees by 2030",
    "source": "VNS", "dateline": "HCM CITY", "section": "Society",
    "body_must_contain": ["The city plans to plant one million trees by 2030 along canals",
                          "Residents will be invited to sponsor trees through a mobile app, with each tree tagged with a QR code."],
    "body_must_not_contain": ["— VNS", "metro line No 2", "Air pollution", "Life & Style"],
})

# ------------------------------------------------------------------ en: a blog-like page whose text has no headline line
w("mekongnotes_en_notitle.txt", """Share on Facebook | Share on X | Email this

Farmers in the Mekong Delta have started planting a new rice variety that tolerates salt water, after a dry season in which saline intrusion reached 60 kilometres inland along some rivers.

The variety, developed by the Cuu Long Delta Rice Research Institute, can survive in water with a salt content of up to four grams per litre, researchers said.

Local officials said around 20,000 hectares would be planted with the new seed this season, most of it in Ben Tre and Tra Vinh provinces.

Newsletter: Get the Mekong Notes weekly digest. Sign up now.

Photo licensing: images on this page are available for syndication. Contact our photo desk.
""", {
    "language": "en", "published_date": None, "title": None, "source": None, "dateline": None,
    "body_must_contain": ["Farmers in the Mekong Delta have started planting a new rice variety that tolerates salt water",
                          "most of it in Ben Tre and Tra Vinh provinces."],
    "body_must_not_contain": ["Share on", "Newsletter", "Sign up", "Photo licensing", "syndication"],
})

# ------------------------------------------------------------------ ru: RIA-style regional portal
w("severvestnik_ru_ria.txt", """Северный вестник
Главная | Политика | Экономика | Общество | Спорт
Меню

Экономика

Госдума приняла закон о цифровом рубле для бюджетных выплат

12.03.2026 10:15

МОСКВА, 12 мар — РИА Новости. Госдума приняла в третьем чтении закон, который позволит выплачивать пенсии и социальные пособия в цифровых рублях, сообщил председатель комитета по финансовому рынку Анатолий Аксаков.

По его словам, переход будет добровольным: получатель сам выберет, в какой форме получать выплаты.

Закон вступит в силу с 1 сентября, после подписания президентом.

Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать главные новости.

Теги: цифровой рубль, Госдума, пенсии

Читайте также:
ЦБ сохранил ключевую ставку
Минфин разместил облигации на 50 млрд рублей
""", {
    "language": "ru", "published_date": "2026-03-12",
    "title": "Госдума приняла закон о цифровом рубле для бюджетных выплат",
    "source": "РИА Новости", "dateline": "МОСКВА",
    "body_must_contain": ["Госдума приняла в третьем чтении закон, который позволит выплачивать пенсии и социальные пособия в цифровых рублях",
                          "Закон вступит в силу с 1 сентября, после подписания президентом."],
    "body_must_not_contain": ["Подписывайтесь", "Теги:", "Читайте также", "ЦБ сохранил", "РИА Новости.", "Главная |"],
})

# ------------------------------------------------------------------ ru: Interfax style, year from the text
w("delovoy_ru_interfax.txt", """Деловой обзор — новости экономики
Главная / Компании

Аэрофлот возобновит рейсы в Ханой с апреля

Москва. 5 марта. INTERFAX.RU - "Аэрофлот" с 1 апреля возобновит прямые рейсы из Москвы в Ханой, сообщила пресс-служба авиакомпании.

Полеты будут выполняться три раза в неделю на самолетах Airbus A330. По итогам 2025 года компания перевезла во Вьетнам более 300 тысяч пассажиров.

Ранее "Аэрофлот" летал в Ханой до марта 2022 года.

Версия для печати

© 2026 Деловой обзор. Все права защищены. Перепечатка материалов без согласия редакции запрещена.
""", {
    "language": "ru", "published_date": "2026-03-05",
    "title": "Аэрофлот возобновит рейсы в Ханой с апреля",
    "source": "Interfax", "dateline": "Москва",
    "body_must_contain": ["\"Аэрофлот\" с 1 апреля возобновит прямые рейсы из Москвы в Ханой, сообщила пресс-служба авиакомпании.",
                          "Ранее \"Аэрофлот\" летал в Ханой до марта 2022 года."],
    "body_must_not_contain": ["Версия для печати", "Все права защищены", "INTERFAX.RU", "Главная / Компании"],
})

# ------------------------------------------------------------------ ru: TASS style, KOI8-R, most-read list
w("dalniy_ru_tass.txt", """ДАЛЬНИЙ ВОСТОК СЕГОДНЯ
Новости  Регион  Экономика  Фото  Видео  Контакты

Хабаровский аэропорт открыл новый международный терминал

ХАБАРОВСК, 9 февраля. /ТАСС/. Новый международный терминал аэропорта Хабаровска принял первых пассажиров, сообщили в пресс-службе аэропорта.

Пропускная способность терминала составляет 1,2 млн пассажиров в год. Из него будут выполняться рейсы в Китай, Южную Корею, Вьетнам и Таиланд.

Строительство обошлось в 7 млрд рублей, часть средств выделил бюджет края.

Самое читаемое
В Приморье выпал рекордный снег
Цены на рыбу выросли на 15%

Поделиться: ВКонтакте Одноклассники Telegram
""", {
    "language": "ru", "published_date": None,
    "title": "Хабаровский аэропорт открыл новый международный терминал",
    "source": "TASS", "dateline": "ХАБАРОВСК",
    "body_must_contain": ["Новый международный терминал аэропорта Хабаровска принял первых пассажиров",
                          "Строительство обошлось в 7 млрд рублей, часть средств выделил бюджет края."],
    "body_must_not_contain": ["Самое читаемое", "рекордный снег", "Поделиться", "/ТАСС/", "Контакты"],
}, enc="koi8-r")

# ------------------------------------------------------------------ ru: a city paper's own story, generic dateline, photo licence line
w("uralpravda_ru_generic.txt", """Уральская правда
Новости | Город | Происшествия | Спорт | Афиша

В Екатеринбурге открыли новый мост через Исеть

14 февраля 2026, 12:40

ЕКАТЕРИНБУРГ, 14 февраля — Новый автомобильный мост через реку Исеть открыли в субботу в Екатеринбурге, сообщили в мэрии города.

Мост длиной 220 метров соединил два района и должен разгрузить центральные улицы.

Фото: Иван Петров / Уральская правда. Использование фотографий без разрешения редакции запрещено.

Строительство моста заняло два года и обошлось в 3,4 млрд рублей.

Подпишитесь на нашу рассылку, чтобы не пропустить важное.

Популярное
Мэрия объявила конкурс на проект парка
""", {
    "language": "ru", "published_date": "2026-02-14",
    "title": "В Екатеринбурге открыли новый мост через Исеть",
    "source": None, "dateline": "ЕКАТЕРИНБУРГ",
    "body_must_contain": ["Новый автомобильный мост через реку Исеть открыли в субботу в Екатеринбурге",
                          "Строительство моста заняло два года и обошлось в 3,4 млрд рублей."],
    "body_must_not_contain": ["Использование фотографий", "Подпишитесь", "Популярное", "конкурс на проект", "Афиша"],
})

# ------------------------------------------------------------------ ru: JSONL item with datePublished, Interfax-style body
feed_ru = [
    {"url": "https://sibnews.example/2026/01/20/baikal", "title": "Туристический поток на Байкал вырос на 20%",
     "datePublished": "2026-01-20T09:00:00+08:00", "fetched_at": "2026-02-28T10:00:00Z", "lang": "ru",
     "content": "ИРКУТСК, 20 января — Туристический поток на Байкал в 2025 году вырос на 20% и превысил 2 млн человек, сообщили в региональном агентстве по туризму.\n\nБольше всего туристов приехали из Китая и Монголии.\n\nВ агентстве ожидают, что в этом году поток вырастет еще на 10%.\n\nПоделиться\n\nЧитайте также: Иркутский аэропорт начнет строить новый терминал"},
]
w("sibnews_ru_feed.jsonl", "".join(json.dumps(x, ensure_ascii=True) + "\n" for x in feed_ru), {})
DOCS.pop("sibnews_ru_feed.jsonl")
DOCS["sibnews_ru_feed.jsonl#1"] = {
    "language": "ru", "published_date": "2026-01-20", "title": "Туристический поток на Байкал вырос на 20%",
    "dateline": "ИРКУТСК", "source": None,
    "body_must_contain": ["Туристический поток на Байкал в 2025 году вырос на 20% и превысил 2 млн человек",
                          "В агентстве ожидают, что в этом году поток вырастет еще на 10%."],
    "body_must_not_contain": ["Поделиться", "Читайте также", "ИРКУТСК, 20 января —"],
}

# ------------------------------------------------------------------ vi: a provincial paper with TTXVN dateline
w("songhong_vi_ttxvn.txt", """Báo Sông Hồng điện tử
Trang chủ | Thời sự | Kinh tế | Xã hội | Thể thao | Văn hóa

Thứ Ba, 03/03/2026 09:30 (GMT+7)

Hà Nội khởi công tuyến đường sắt đô thị số 5

Tuyến đường sắt đô thị số 5 dài gần 39 km, nối quận Ba Đình với huyện Hòa Lạc, dự kiến hoàn thành năm 2030.

Hà Nội (TTXVN) - Sáng 3/3, UBND thành phố Hà Nội tổ chức lễ khởi công tuyến đường sắt đô thị số 5 Văn Cao - Hòa Lạc với tổng vốn đầu tư hơn 65.000 tỷ đồng.

Phát biểu tại buổi lễ, Chủ tịch UBND thành phố cho biết tuyến đường sẽ giúp giảm ùn tắc giao thông ở cửa ngõ phía Tây của thủ đô.

Dự án gồm 20 nhà ga, trong đó có 7 ga ngầm và 13 ga trên cao.

Từ khóa: đường sắt đô thị, Hà Nội, giao thông

Đăng ký nhận bản tin của Báo Sông Hồng để cập nhật tin tức mới nhất.

Tin đọc nhiều
Giá vàng hôm nay tăng mạnh
Thời tiết miền Bắc chuyển rét
""", {
    "language": "vi", "published_date": "2026-03-03",
    "title": "Hà Nội khởi công tuyến đường sắt đô thị số 5",
    "source": "TTXVN", "dateline": "Hà Nội",
    "body_must_contain": ["Tuyến đường sắt đô thị số 5 dài gần 39 km",
                          "UBND thành phố Hà Nội tổ chức lễ khởi công tuyến đường sắt đô thị số 5 Văn Cao - Hòa Lạc",
                          "Dự án gồm 20 nhà ga, trong đó có 7 ga ngầm và 13 ga trên cao."],
    "body_must_not_contain": ["Từ khóa", "Đăng ký nhận bản tin", "Tin đọc nhiều", "Giá vàng", "Trang chủ", "(TTXVN)"],
})

# ------------------------------------------------------------------ vi: Mekong paper, "Theo TTXVN" sign-off, print and share
w("mientay_vi_signoff.txt", """TIN MIỀN TÂY
Trang nhất  Thời sự  Nông nghiệp  Đời sống  Liên hệ

Nông nghiệp

Cần Thơ xuất khẩu lô xoài đầu tiên sang Australia

Thứ Sáu, 20/02/2026, 14:05

Chia sẻ Facebook Zalo In bài

Ngày 20/2, thành phố Cần Thơ đã xuất khẩu lô xoài cát Hòa Lộc đầu tiên gồm 12 tấn sang thị trường Australia.

Theo Sở Nông nghiệp và Môi trường, đây là kết quả của ba năm chuẩn bị vùng trồng đạt tiêu chuẩn kiểm dịch của nước nhập khẩu.

Giá xuất khẩu cao hơn khoảng 30% so với giá bán trong nước, giúp nông dân tăng thu nhập./.

Theo TTXVN

Bản in

Tin liên quan
Xuất khẩu rau quả tháng 1 tăng mạnh
Sầu riêng Việt Nam vào thị trường Nhật Bản
""", {
    "language": "vi", "published_date": "2026-02-20",
    "title": "Cần Thơ xuất khẩu lô xoài đầu tiên sang Australia",
    "source": "TTXVN",
    "body_must_contain": ["thành phố Cần Thơ đã xuất khẩu lô xoài cát Hòa Lộc đầu tiên gồm 12 tấn sang thị trường Australia.",
                          "giúp nông dân tăng thu nhập"],
    "body_must_not_contain": ["Chia sẻ", "In bài", "Bản in", "Tin liên quan", "Sầu riêng", "Theo TTXVN", "Liên hệ"],
})

# ------------------------------------------------------------------ vi: markdown scrape of a tech site
w("congnghe_vi_markdown.md", """[Trang chủ](https://congnghe.example/) › [Số hóa](https://congnghe.example/so-hoa) › [Điện thoại](https://congnghe.example/so-hoa/dien-thoai)

# Việt Nam có hơn 80 triệu thuê bao 4G

Thứ Hai, 9/2/2026 | 5 phút đọc

![Người dùng điện thoại tại Hà Nội](https://img.congnghe.example/4g.jpg)

Người dùng điện thoại di động tại Hà Nội. Ảnh: Lưu Quý

Việt Nam hiện có hơn 80 triệu thuê bao 4G và khoảng 9 triệu thuê bao 5G, theo số liệu của Cục Viễn thông công bố ngày 9/2.

Các nhà mạng đã tắt sóng 2G ở phần lớn các tỉnh, thành và chuyển người dùng sang máy hỗ trợ 4G.

Cục Viễn thông cho biết tốc độ tải xuống trung bình của mạng di động đạt 130 Mbps, tăng 25% so với cùng kỳ năm trước.

**Xem thêm:**

- [Nhà mạng giảm giá gói cước 5G](https://congnghe.example/a1)
- [Điện thoại gập bán chạy dịp Tết](https://congnghe.example/a2)
""", {
    "language": "vi", "published_date": "2026-02-09",
    "title": "Việt Nam có hơn 80 triệu thuê bao 4G",
    "body_must_contain": ["Việt Nam hiện có hơn 80 triệu thuê bao 4G và khoảng 9 triệu thuê bao 5G",
                          "tăng 25% so với cùng kỳ năm trước."],
    "body_must_not_contain": ["Xem thêm", "gói cước 5G", "phút đọc", "Ảnh: Lưu Quý", "](http"],
    "captions": ["Người dùng điện thoại di động tại Hà Nội"],
})

# ------------------------------------------------------------------ vi: JSONL feed item with `published`, VNA sign-off
feed_vi = [
    {"link": "https://baobiendong.example/2026/01/15/ca-tra", "title": "Xuất khẩu cá tra năm 2025 đạt 2 tỷ USD",
     "published": "15/01/2026", "fetched_at": "2026-03-01",
     "article": "Hà Nội (TTXVN) - Kim ngạch xuất khẩu cá tra năm 2025 đạt khoảng 2 tỷ USD, tăng 9% so với năm trước, theo Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam (VASEP).\n\nTrung Quốc và Mỹ tiếp tục là hai thị trường nhập khẩu lớn nhất.\n\nVASEP dự báo xuất khẩu cá tra năm 2026 sẽ tiếp tục tăng nhờ nhu cầu phục hồi.\n\nĐăng ký theo dõi kênh Zalo của chúng tôi\n\nTin cùng chuyên mục:\nGiá tôm tăng mạnh dịp cuối năm"},
]
w("biendong_vi_feed.jsonl", "".join(json.dumps(x, ensure_ascii=True) + "\n" for x in feed_vi), {})
DOCS.pop("biendong_vi_feed.jsonl")
DOCS["biendong_vi_feed.jsonl#1"] = {
    "language": "vi", "published_date": "2026-01-15", "title": "Xuất khẩu cá tra năm 2025 đạt 2 tỷ USD",
    "source": "TTXVN", "dateline": "Hà Nội",
    "body_must_contain": ["Kim ngạch xuất khẩu cá tra năm 2025 đạt khoảng 2 tỷ USD",
                          "VASEP dự báo xuất khẩu cá tra năm 2026 sẽ tiếp tục tăng nhờ nhu cầu phục hồi."],
    "body_must_not_contain": ["Đăng ký theo dõi", "Tin cùng chuyên mục", "Giá tôm", "(TTXVN)"],
}

# ------------------------------------------------------------------ vi: a site's page with only furniture (no article)
w("quehuong_vi_furniture.txt", """Báo Quê Hương
Trang chủ | Thời sự | Kinh tế | Xã hội
Đăng nhập | Đăng ký
Tin mới nhất
Tin đọc nhiều
Chia sẻ Facebook Zalo
© 2026 Báo Quê Hương. Bảo lưu mọi quyền.
""", {"status": "quarantined"})

# ------------------------------------------------------------------ en: a wire page whose prose must survive a long menu
w("harborpost_en_longmenu.txt", """Harbor Post
Home
World
US
Politics
Business
Tech
Science
Health
Sports
Opinion
Video
Podcasts
Newsletters
Sign up
Log in

World

Chile wildfires force thousands to flee near Valparaiso

VALPARAISO, Chile (AP) — Wildfires fanned by strong winds swept through hills near the Chilean port city of Valparaiso on Sunday, destroying hundreds of homes and forcing thousands of people to flee, officials said.

Firefighters and soldiers were battling more than 20 blazes in the region, Interior Minister Carolina Toha told reporters.

Authorities declared a state of emergency and imposed a curfew in the worst-hit areas.

Copyright 2026 The Associated Press. All rights reserved.
""", {
    "language": "en", "published_date": None,
    "title": "Chile wildfires force thousands to flee near Valparaiso",
    "source": "AP", "dateline": "VALPARAISO",
    "body_must_contain": ["Wildfires fanned by strong winds swept through hills near the Chilean port city of Valparaiso on Sunday",
                          "Firefighters and soldiers were battling more than 20 blazes in the region",
                          "Authorities declared a state of emergency and imposed a curfew in the worst-hit areas."],
    "body_must_not_contain": ["Podcasts", "Newsletters", "Log in", "All rights reserved"],
})


# ================================================================== second batch (issue 10, unseen-site kinds),
# written before the rules that fix them: new made-up sites, furniture as real scrapes of such sites print it.

# ------------------------------------------------------------------ ru: a city portal, dd.mm.yyyy header, photo credit, author, print, tags, most read
w("nevskiy_ru_city.txt", """Перейти к основному содержанию
Невский курьер
Новости  Город  Происшествия  Бизнес  Афиша  Спецпроекты
Петербург, +3°
Город
14.03.2026 19:42
Обводный канал перекроют на полгода из-за ремонта моста
Фото: Иван Петров / «Невский курьер»
Комитет по развитию транспортной инфраструктуры Петербурга с 16 марта ограничит движение по набережной Обводного канала на участке от Лиговского проспекта до Московского проспекта, сообщили в ведомстве в субботу.
Ремонт Боровского моста, построенного в 1930-х годах, обойдётся городскому бюджету в 1,4 млрд рублей. Подрядчик заменит пролётные строения, тротуары и перильное ограждение, а также переложит коммуникации.
Общественный транспорт пустят в объезд по Расстанной улице. В комитете пообещали, что автобусы будут ходить с прежними интервалами.
Работы планируется завершить к концу 2027 года, следует из документации на сайте госзакупок.
Юлия Смирнова
Версия для печати
Теги: Обводный канал, ремонт, транспорт
Подписывайтесь на «Невский курьер» в Telegram и ВКонтакте
Самое читаемое
На Васильевском острове откроют новую станцию метро
Синоптики пообещали петербуржцам снег на выходных
В Купчино загорелся торговый центр
© 2000–2026 «Невский курьер». Все права защищены. 18+
""", {
    "language": "ru", "published_date": "2026-03-14",
    "title": "Обводный канал перекроют на полгода из-за ремонта моста",
    "body_must_contain": ["Комитет по развитию транспортной инфраструктуры Петербурга с 16 марта ограничит движение",
                          "Общественный транспорт пустят в объезд по Расстанной улице.",
                          "Работы планируется завершить к концу 2027 года, следует из документации на сайте госзакупок."],
    "body_must_not_contain": ["Перейти к основному", "Спецпроекты", "Фото: Иван Петров", "Версия для печати", "Теги:",
                              "Подписывайтесь", "Самое читаемое", "На Васильевском острове", "Все права защищены"],
}, enc="cp1251")

# ------------------------------------------------------------------ ru: a regional site carrying RIA, abbreviated month in the header
w("volga_ru_ria.txt", """ВОЛГА-ИНФО
Главная / Общество / Здоровье
Вход | Регистрация
В Самаре открыли первый в регионе центр ядерной медицины
12 мар, 10:15 · 2 мин чтения
САМАРА, 12 мар — РИА Новости. Первый в Самарской области центр ядерной медицины начал принимать пациентов, сообщил министр здравоохранения региона Армен Бенян.
По его словам, центр рассчитан на 12 тысяч исследований в год, а оборудование для позитронно-эмиссионной томографии закупили за счёт областного бюджета.
Запись на обследование ведётся по направлению онкологов, добавил министр.
Ошибка в тексте? Выделите её и нажмите Ctrl+Enter
Материалы по теме
В Тольятти построят новую детскую больницу
Реклама
""", {
    "language": "ru", "published_date": None,  # no year anywhere: not knowable
    "title": "В Самаре открыли первый в регионе центр ядерной медицины",
    "source": "РИА Новости", "dateline": "САМАРА",
    "body_must_contain": ["Первый в Самарской области центр ядерной медицины начал принимать пациентов",
                          "Запись на обследование ведётся по направлению онкологов, добавил министр."],
    "body_must_not_contain": ["Регистрация", "мин чтения", "РИА Новости.", "Ctrl+Enter", "Материалы по теме",
                              "В Тольятти построят", "Реклама"],
})

# ------------------------------------------------------------------ en: a markets site running Reuters copy, photo-licensing caption, promo mid-story
w("tidewater_en_reuters.txt", """Skip to content
Tidewater Times
Exclusive news, data and analytics for shipping and trade professionals
Markets
Asia Pacific
Vietnam's exports jump 18% in February as electronics shipments surge
By Linh Tran
4 min read
March 3, 2026 4:25 AM GMT+7 Updated 2 hours ago
Containers are stacked at a port in Haiphong, Vietnam, February 12, 2026. REUTERS/Thanh Hue/File Photo Purchase Licensing Rights, opens new tab
HANOI, March 3 (Reuters) - Vietnam's exports rose 18% in February from a year earlier to $31.2 billion, government data showed on Tuesday, as shipments of phones, computers and electronic parts to the United States and China surged.
Imports climbed 21% to $30.4 billion, leaving the country with a trade surplus of about $800 million for the month, the General Statistics Office said.
Get a look at the day ahead in Asian markets with our Morning Bid Asia newsletter. Sign up here.
Foreign direct investment disbursements reached $2.9 billion in the first two months of the year, up 6% from the same period of 2025, the office said.
The government has set a target of at least 8% economic growth this year, which analysts say will depend heavily on export demand.
Reporting by Linh Tran; Additional reporting by Phuong Nguyen; Editing by Kanupriya Kapoor
Our Standards: The Thomson Reuters Trust Principles., opens new tab
Suggested Topics:
Asia Pacific
Read Next
Thai baht slips as tourism recovery stalls
Indonesia keeps rates on hold for third month
""", {
    "language": "en", "published_date": "2026-03-03",
    "title": "Vietnam's exports jump 18% in February as electronics shipments surge",
    "source": "Reuters", "dateline": "HANOI",
    "body_must_contain": ["Vietnam's exports rose 18% in February from a year earlier to $31.2 billion",
                          "Foreign direct investment disbursements reached $2.9 billion in the first two months of the year",
                          "which analysts say will depend heavily on export demand."],
    "body_must_not_contain": ["Skip to content", "Exclusive news, data and analytics", "4 min read", "Purchase Licensing Rights",
                              "Morning Bid", "Reporting by", "Trust Principles", "Suggested Topics", "Read Next",
                              "Thai baht slips", "(Reuters) -"],
})

# ------------------------------------------------------------------ en: AP story on a regional portal, date with the day's name, promo and footer
w("islandvoice_en_ap.txt", """Island Voice
Menu
Search
Top Stories
Local
World
Weather
Subscribe now
World News
Floods cut off mountain villages in northern Vietnam
Updated Thursday, 5 February 2026, 11:32 am
HANOI, Vietnam (AP) — Flash floods triggered by three days of heavy rain cut off at least a dozen mountain villages in northern Vietnam, disaster officials said Thursday, as rescuers used boats to reach stranded families.
The floods destroyed bridges and washed away sections of roads in Ha Giang and Lao Cai provinces, officials said. Two people were reported missing.
Soldiers and police were sent to help evacuate residents, and the government released emergency rice supplies to the affected districts.
Meteorologists said the rain was unusual for February, normally one of the driest months of the year in the region.
Associated Press writer Hau Dinh contributed to this report.
Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
Sign up for our daily headlines newsletter
Most Popular
Council approves new ferry timetable
High school team wins state title
About Us | Contact | Privacy Policy | Terms of Use
""", {
    "language": "en", "published_date": "2026-02-05",
    "title": "Floods cut off mountain villages in northern Vietnam",
    "source": "AP", "dateline": "HANOI",
    "body_must_contain": ["Flash floods triggered by three days of heavy rain cut off at least a dozen mountain villages in northern Vietnam",
                          "Soldiers and police were sent to help evacuate residents",
                          "normally one of the driest months of the year in the region."],
    "body_must_not_contain": ["Subscribe now", "World News", "contributed to this report", "All rights reserved",
                              "daily headlines newsletter", "Most Popular", "Council approves", "Privacy Policy", "(AP) —"],
})

# ------------------------------------------------------------------ vi: a provincial paper, header date dd/mm/yyyy, lead, related box inside the story, author, tags
w("dongnai_vi_news.txt", """Báo Đồng Xanh
Chuyển đến nội dung chính
Thời sự | Kinh tế | Xã hội | Pháp luật | Thể thao | Giải trí
Kinh tế
Thứ Ba, 03/03/2026 - 08:45
Xuất khẩu sầu riêng hai tháng đầu năm tăng mạnh
Kim ngạch xuất khẩu sầu riêng của cả nước trong hai tháng đầu năm 2026 đạt hơn 420 triệu USD, tăng 35% so với cùng kỳ năm trước, theo số liệu của Bộ Nông nghiệp và Môi trường.
Ảnh: Minh Khang
Trung Quốc tiếp tục là thị trường tiêu thụ lớn nhất, chiếm khoảng 90% tổng kim ngạch. Các doanh nghiệp cho biết giá sầu riêng đông lạnh đang ở mức cao do nguồn cung trong nước khan hiếm.
Tin liên quan
Giá sầu riêng tăng vọt trước Tết
Mở rộng vùng trồng sầu riêng đạt chuẩn xuất khẩu
Theo các chuyên gia, để giữ được đà tăng trưởng, các địa phương cần kiểm soát chặt chẽ mã số vùng trồng và dư lượng hóa chất trong sản phẩm.
Hiệp hội Rau quả Việt Nam dự báo xuất khẩu sầu riêng cả năm 2026 có thể đạt 4 tỷ USD nếu thị trường thuận lợi.
Minh Khang
Từ khóa: sầu riêng, xuất khẩu, nông sản
Bình luận (0)
Tin cùng chuyên mục
Giá vàng hôm nay giảm nhẹ
Ngân hàng Nhà nước điều chỉnh tỷ giá trung tâm
© Báo Đồng Xanh. Giấy phép số 123/GP-BTTTT. Ghi rõ nguồn khi phát hành lại thông tin từ website này.
""", {
    "language": "vi", "published_date": "2026-03-03",
    "title": "Xuất khẩu sầu riêng hai tháng đầu năm tăng mạnh",
    "body_must_contain": ["Kim ngạch xuất khẩu sầu riêng của cả nước trong hai tháng đầu năm 2026 đạt hơn 420 triệu USD",
                          "các địa phương cần kiểm soát chặt chẽ mã số vùng trồng",
                          "có thể đạt 4 tỷ USD nếu thị trường thuận lợi."],
    "body_must_not_contain": ["Chuyển đến nội dung", "Pháp luật | Thể thao", "Tin liên quan", "Giá sầu riêng tăng vọt",
                              "Từ khóa:", "Bình luận (0)", "Tin cùng chuyên mục", "Giá vàng hôm nay", "Giấy phép số"],
})

# ------------------------------------------------------------------ vi: an HTML page: breadcrumb, lead in <h2>, related box, author, tags, footer
w("sontra_vi_page.html", """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Đà Nẵng khởi công cầu vượt biển nối bán đảo Sơn Trà | Báo Sơn Trà</title>
<meta property="og:title" content="Đà Nẵng khởi công cầu vượt biển nối bán đảo Sơn Trà">
<meta property="article:published_time" content="2026-02-18T07:30:00+07:00">
</head><body>
<a class="skip" href="#main">Chuyển đến nội dung chính</a>
<header><div class="logo">Báo Sơn Trà</div>
<nav class="main-nav"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li><li><a href="/kinh-te">Kinh tế</a></li><li><a href="/du-lich">Du lịch</a></li></ul></nav></header>
<main id="main">
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/thoi-su">Thời sự</a></div>
<article>
<h1 class="detail-title">Đà Nẵng khởi công cầu vượt biển nối bán đảo Sơn Trà</h1>
<div class="detail-time">18/02/2026 07:30 GMT+7</div>
<h2 class="detail-sapo">Sáng 18/2, UBND TP Đà Nẵng khởi công dự án cầu vượt biển dài 2,1 km nối trung tâm thành phố với bán đảo Sơn Trà, tổng vốn đầu tư hơn 3.500 tỷ đồng.</h2>
<div class="detail-content">
<figure><img src="/a.jpg" alt=""><figcaption>Phối cảnh cây cầu vượt biển. Ảnh: UBND TP Đà Nẵng</figcaption></figure>
<p>Theo Ban quản lý dự án, cây cầu có sáu làn xe, được thiết kế theo dạng dây văng với trụ tháp cao 120 m, dự kiến hoàn thành vào năm 2029.</p>
<div class="box-tin-lien-quan"><p class="title">Tin liên quan</p><ul><li><a href="/x">Đà Nẵng đón 1 triệu khách quốc tế trong tháng Giêng</a></li><li><a href="/y">Mở rộng đường ven biển Sơn Trà - Điện Ngọc</a></li></ul></div>
<p>Phát biểu tại lễ khởi công, Chủ tịch UBND thành phố cho biết công trình sẽ giảm tải cho các cầu qua sông Hàn và tạo động lực phát triển du lịch cho khu vực phía đông.</p>
<p>Trong quá trình thi công, thành phố yêu cầu nhà thầu bảo đảm an toàn giao thông đường thủy và hạn chế tối đa ảnh hưởng đến hệ sinh thái biển quanh bán đảo.</p>
<p class="author">Hoài Nam</p>
</div>
<div class="tags">Từ khóa: <a href="/t/1">Đà Nẵng</a> <a href="/t/2">cầu vượt biển</a></div>
</article>
<section class="most-read"><h3>Đọc nhiều</h3><ol><li><a href="/z">Giá xăng giảm lần thứ ba liên tiếp</a></li><li><a href="/w">Học sinh Đà Nẵng nghỉ Tết 10 ngày</a></li></ol></section>
</main>
<footer><p>© Báo Sơn Trà. Giấy phép số 45/GP-BTTTT. Tổng biên tập: Nguyễn Văn A.</p></footer>
</body></html>
""", {
    "language": "vi", "published_date": "2026-02-18",
    "title": "Đà Nẵng khởi công cầu vượt biển nối bán đảo Sơn Trà",
    "body_must_contain": ["UBND TP Đà Nẵng khởi công dự án cầu vượt biển dài 2,1 km nối trung tâm thành phố với bán đảo Sơn Trà",
                          "cây cầu có sáu làn xe, được thiết kế theo dạng dây văng",
                          "hạn chế tối đa ảnh hưởng đến hệ sinh thái biển quanh bán đảo."],
    "body_must_not_contain": ["Chuyển đến nội dung", "Tin liên quan", "Đà Nẵng đón 1 triệu khách", "Từ khóa", "Đọc nhiều",
                              "Giá xăng giảm", "Giấy phép số"],
})

# ------------------------------------------------------------------ en: an HTML page whose headline is only in <title>, promo and teasers inside the article
w("gulfobserver_en_page.html", """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Qatar opens desalination plant to double water reserves - The Gulf Observer</title>
<meta name="description" content="The plant will supply water to 1.4 million people.">
</head><body>
<a href="#content" class="skip-link">Skip to main content</a>
<div class="top-bar">Friday, January 16, 2026</div>
<nav><a href="/">Home</a> <a href="/gulf">Gulf</a> <a href="/business">Business</a> <a href="/opinion">Opinion</a></nav>
<div id="content" class="story">
<div class="kicker">Business</div>
<p class="byline">By Sara Al-Mansoori | January 16, 2026 | 3 min read</p>
<p>DOHA — Qatar opened a desalination plant on Thursday that officials said would double the country's strategic water reserves and supply about 1.4 million people, as Gulf states race to secure water for growing populations.</p>
<p>The plant, built at a cost of $1.1 billion on the coast north of the capital, can produce 500,000 cubic metres of drinking water a day using solar power for part of its needs, the state water company said.</p>
<p class="promo">Sign up for The Gulf Observer's morning briefing and get the top stories in your inbox every day.</p>
<p>Water demand in the region has risen sharply with population growth and new industry, and most Gulf states depend on desalination for the bulk of their drinking water.</p>
<p>Environmental groups have warned that brine discharged by such plants can harm marine life, and the company said it would monitor the waters around the outflow.</p>
<div class="recommended"><h4>Recommended</h4><ul><li><a href="/a">Saudi Arabia unveils new green hydrogen project</a></li><li><a href="/b">Oman's tourism numbers hit record</a></li></ul></div>
<p class="copyright">© 2026 The Gulf Observer. All rights reserved.</p>
</div>
</body></html>
""", {
    "language": "en", "published_date": "2026-01-16",
    "title": "Qatar opens desalination plant to double water reserves",
    "dateline": "DOHA",
    "body_must_contain": ["Qatar opened a desalination plant on Thursday that officials said would double the country's strategic water reserves",
                          "Water demand in the region has risen sharply with population growth and new industry",
                          "the company said it would monitor the waters around the outflow."],
    "body_must_not_contain": ["Skip to main content", "3 min read", "morning briefing", "Recommended", "Saudi Arabia unveils",
                              "All rights reserved"],
})

# ------------------------------------------------------------------ ru: a section page scraped as an article: furniture and teasers only
w("zarya_ru_section.txt", """Заря Сибири
Главная | Новости | Политика | Экономика | Общество | Спорт
Вход
Новости
Все новости
12:40 В Омске открылся новый ледовый каток
11:15 Мэрия объявила конкурс на ремонт дорог
10:02 На трассе Тюмень — Омск ограничат движение
Показать ещё
Подписывайтесь на наш канал в Telegram
© 2026 «Заря Сибири». Все права защищены. 16+
""", {"status": "quarantined"})

# ------------------------------------------------------------------ en: wire copy with no headline, trust footer and a year in future tense
w("beltway_en_notitle.txt", """Beltway Brief
Sign in  |  Subscribe
BRUSSELS, Jan 22 (Reuters) - The European Union will ban the sale of new petrol and diesel cars from 2035 as planned, the European Commission said on Thursday, rejecting calls from some member states to delay the deadline.
The Commission said it would review the rules in 2027 to take account of progress in battery technology and charging networks.
Carmakers have asked for more flexibility, saying demand for electric vehicles has grown more slowly than expected in several countries.
(Reporting by Philip Blenkinsop; Editing by Alison Williams)
The Thomson Reuters Trust Principles.
""", {
    "language": "en", "published_date": None, "title": None,  # only future years: no year to infer
    "source": "Reuters", "dateline": "BRUSSELS",
    "body_must_contain": ["The European Union will ban the sale of new petrol and diesel cars from 2035 as planned",
                          "saying demand for electric vehicles has grown more slowly than expected in several countries."],
    "body_must_not_contain": ["Sign in", "Subscribe", "Reporting by", "Trust Principles", "(Reuters) -"],
})


TUOIMOI = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Hà Nội thí điểm xe buýt điện trên 10 tuyến nội đô - Báo Tuổi Mới</title>
<meta property="og:url" content="https://tuoimoi.example/ha-noi-xe-buyt-dien-185260303.htm">
</head><body>
<div class="header"><a href="/">Tuổi Mới</a><ul class="menu"><li><a href="/thoi-su">Thời sự</a></li><li><a href="/the-gioi">Thế giới</a></li></ul></div>
<div class="container">
<div class="detail-cate"><a href="/thoi-su">Thời sự</a></div>
<div class="detail-time"><div data-role="publishdate">03/03/2026 10:09 GMT+7</div></div>
<h1 class="detail-title"><span data-role="title">Hà Nội thí điểm xe buýt điện trên 10 tuyến nội đô</span></h1>
<div class="detail-author"><a href="/tac-gia/1">Minh Quân</a></div>
<div class="detail-sapo" data-role="sapo">Từ ngày 15/3, Hà Nội sẽ đưa 120 xe buýt điện vào hoạt động trên 10 tuyến nội đô, thay thế các xe chạy dầu diesel đã hết niên hạn sử dụng.</div>
<div class="detail-cmain">
<p>Theo Sở Xây dựng Hà Nội, các tuyến được chọn thí điểm đi qua những khu vực đông dân cư như Hoàn Kiếm, Ba Đình, Đống Đa và Cầu Giấy, với tần suất 10-15 phút một chuyến.</p>
<div class="VCSortableInPreviewMode" type="RelatedNewsBox"><div class="title">Đọc thêm</div><article class="story"><a href="/x"><img src="x.jpg"></a><h3><a href="/x">Hà Nội cấm xe máy trong vành đai 1 từ năm 2026</a></h3><p class="sapo">Thành phố đã công bố lộ trình hạn chế xe máy chạy xăng trong khu vực trung tâm.</p></article></div>
<p>Giá vé xe buýt điện giữ nguyên như xe buýt thường, hành khách có thể thanh toán bằng thẻ ngân hàng hoặc ví điện tử ngay trên xe.</p>
<p>Đại diện Sở cho biết sau sáu tháng thí điểm, thành phố sẽ đánh giá hiệu quả để nhân rộng ra toàn bộ mạng lưới xe buýt vào năm 2028.</p>
</div>
<div class="detail-tab"><span>Từ khóa:</span><a href="/t/1">xe buýt điện</a><a href="/t/2">Hà Nội</a></div>
<div class="box-category"><div class="title">Tin liên quan</div>
<div class="item"><h3><a href="/a">Giá xăng dầu hôm nay giảm mạnh</a></h3><p>Liên Bộ Công Thương - Tài chính vừa điều chỉnh giá xăng dầu trong kỳ điều hành chiều nay.</p></div>
<div class="item"><h3><a href="/b">Metro Nhổn - ga Hà Nội vận hành đoạn ngầm</a></h3><p>Đoạn đi ngầm của tuyến metro số 3 chính thức đón khách từ cuối tuần này.</p></div>
</div>
</div>
<div class="footer"><p>Cơ quan chủ quản: Trung ương Hội. Giấy phép số 123/GP-BTTTT cấp ngày 01/01/2020.</p><p>© Bản quyền thuộc về Báo Tuổi Mới. Không được sao chép khi chưa có sự đồng ý.</p></div>
</body></html>
"""

LIONDAILY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Singapore to build third desalination plant on Jurong Island | The Lion Daily</title>
<meta property="og:title" content="Singapore to build third desalination plant on Jurong Island">
<meta property="article:published_time" content="2026-02-10T06:00:00+08:00">
</head><body>
<header><a class="skip" href="#main">Skip to main content</a><div class="brand">The Lion Daily</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/singapore">Singapore</a></li><li><a href="/asia">Asia</a></li><li><a href="/world">World</a></li></ul></nav></header>
<main id="main"><article>
<nav class="crumbs"><a href="/">Home</a> <a href="/singapore">Singapore</a></nav>
<h1>Singapore to build third desalination plant on Jurong Island</h1>
<div class="standfirst"><p>The plant will add 30 million gallons a day by 2030.</p></div>
<div class="author-line"><a href="/authors/x">Tan Wei Ling</a><span>Environment Correspondent</span></div>
<div class="meta"><time datetime="2026-02-10T06:00:00+08:00">Feb 10, 2026, 06:00 AM</time></div>
<div class="share-tools"><button>Share</button><button>Gift this article</button></div>
<figure><img src="p.jpg"><figcaption>The plant will be built next to an existing power station. PHOTO: THE LION DAILY FILE</figcaption></figure>
<div class="body">
<p>SINGAPORE - Singapore will build its third large desalination plant on Jurong Island, national water agency PUB said on Feb 9, as the country moves to reduce its reliance on imported water before a key supply agreement ends.</p>
<p>The plant, which will use seawater drawn from the Western Johor Strait, is expected to produce 30 million gallons of drinking water a day when it opens in 2030.</p>
<div class="newsletter-signup"><p>Sign up for our free Green Pulse newsletter to stay on top of climate news.</p><a href="/n">Find out more</a></div>
<p>Desalinated water currently meets up to 25 per cent of Singapore's water demand, PUB said, a share it aims to raise to 30 per cent by 2060.</p>
<p>"Water security is a matter of survival for Singapore," Minister for Sustainability and the Environment Grace Fu said in a Facebook post.</p>
<p class="telegram">Join The Lion Daily's WhatsApp channel and get the latest news and must-reads.</p>
</div>
<div class="topics">Topics: <a>Water</a> <a>Environment</a></div>
</article>
<section class="more"><h2>More on this topic</h2><div class="card"><h3><a href="/z">How NEWater changed Singapore</a></h3></div><div class="card"><h3><a href="/y">Water prices to rise from July</a></h3></div></section>
</main>
<footer><p>MCI (P) 031/10/2025. Published by The Lion Daily Pte Ltd. Co. Regn. No. 198402868E. Copyright 2026. All rights reserved.</p><ul><li>Terms &amp; Conditions</li><li>Data Protection Policy</li></ul></footer>
</body></html>
"""

# ------------------------------------------------------------------ vi: an HTML page whose extract opens with the site name, section and author,
# and ends with a labelled teaser box whose items carry summary sentences
w("tuoimoi_vi_page.html", TUOIMOI, {
    "language": "vi", "published_date": "2026-03-03",
    "title": "Hà Nội thí điểm xe buýt điện trên 10 tuyến nội đô",
    "body_must_contain": ["Từ ngày 15/3, Hà Nội sẽ đưa 120 xe buýt điện vào hoạt động trên 10 tuyến nội đô",
                          "Giá vé xe buýt điện giữ nguyên như xe buýt thường",
                          "thành phố sẽ đánh giá hiệu quả để nhân rộng ra toàn bộ mạng lưới xe buýt vào năm 2028."],
    "body_must_not_contain": ["Tuổi Mới", "Thời sự", "Minh Quân", "Đọc thêm", "Từ khóa", "Tin liên quan",
                              "Giá xăng dầu hôm nay", "Liên Bộ Công Thương", "Metro Nhổn", "Đoạn đi ngầm", "Giấy phép số"],
})

# ------------------------------------------------------------------ en: an HTML page whose extract opens with the masthead and a byline box
w("liondaily_en_page.html", LIONDAILY, {
    "language": "en", "published_date": "2026-02-10",
    "title": "Singapore to build third desalination plant on Jurong Island",
    "dateline": "SINGAPORE",
    "body_must_contain": ["Singapore will build its third large desalination plant on Jurong Island",
                          "Desalinated water currently meets up to 25 per cent of Singapore's water demand",
                          "Minister for Sustainability and the Environment Grace Fu said in a Facebook post."],
    "body_must_not_contain": ["The Lion Daily", "Tan Wei Ling", "Environment Correspondent", "Skip to main content",
                              "Green Pulse newsletter", "WhatsApp channel", "Topics:", "More on this topic",
                              "How NEWater changed", "All rights reserved", "PHOTO:"],
})


# ================================================================== third batch (issue 10), written before its rules:
# ad slots inside the text, reader polls, account links read as a crumb trail, a standfirst under the headline,
# a paper's own credit opening the text, a "reading time" line after the text.

w('marketline_en_reuters.txt', """Skip to main content
Exclusive news, data and analytics for financial market professionals
Learn more about Refinitiv
Business
March 3, 2026 12:10 PM GMT+7 Updated 3 hours ago
Vietnam central bank cuts key rates to support growth
By Khanh Vu and Francesco Guarascio
3 min read
Item 1 of 2 A man walks past the State Bank of Vietnam headquarters in Hanoi. REUTERS/Kham/File Photo
[1/2] A man walks past the State Bank of Vietnam headquarters in Hanoi. REUTERS/Kham/File Photo Purchase Licensing Rights, opens new tab
HANOI, March 3 (Reuters) - Vietnam's central bank cut its refinancing rate by 50 basis points to 3.5% on Tuesday, its first cut in more than a year, as policymakers sought to shore up an economy hit by weak exports.
The State Bank of Vietnam also lowered its discount rate to 2.5%, effective from Wednesday, it said in a statement.
Advertisement · Scroll to continue
Report This Ad
"The move is aimed at reducing borrowing costs for businesses and households," the central bank said.
The Reuters Daily Briefing newsletter provides all the news you need to start your day. Sign up here.
Economists had expected the bank to keep rates on hold until the second quarter.
Reporting by Khanh Vu; Writing by Francesco Guarascio; Editing by Kim Coghill
Our Standards: The Thomson Reuters Trust Principles., opens new tab
Purchase Licensing Rights
Read Next
Asia markets slip as China data disappoints
""", {"language": "en", "published_date": "2026-03-03", "title": "Vietnam central bank cuts key rates to support growth", "source": "Reuters", "dateline": "HANOI", "body_must_contain": ["Vietnam's central bank cut its refinancing rate by 50 basis points to 3.5% on Tuesday", "\"The move is aimed at reducing borrowing costs for businesses and households,\" the central bank said.", "Economists had expected the bank to keep rates on hold until the second quarter."], "body_must_not_contain": ["Skip to main content", "Refinitiv", "3 min read", "Item 1 of 2", "Purchase Licensing Rights", "Advertisement", "Scroll to continue", "Report This Ad", "Daily Briefing", "Reporting by", "Trust Principles", "Read Next", "(Reuters) -"]})

w('chaophraya_en_generic.txt', """Chao Phraya Times
Sign in | Register
PUBLISHED : 3 Mar 2026 at 10:15
NEWSPAPER SECTION: NEWS
WRITER: Wassana Nanuam
Army to cut conscript intake by a third
The army will reduce the number of conscripts it takes in this year by about a third as more young men volunteer for military service, a senior officer said on Tuesday.
About 60,000 conscripts will be drafted in April, down from 90,000 last year, according to army spokesman Maj Gen Somchai Prasert.
He said the number of volunteers had doubled over the past two years after the army raised monthly pay and offered places at vocational colleges.
Do you like the content of this article?
(0)
Please log in to view comments.
Most Recent
Baht firms as exports rebound
""", {"language": "en", "published_date": "2026-03-03", "section": None, "title": "Army to cut conscript intake by a third", "body_must_contain": ["The army will reduce the number of conscripts it takes in this year by about a third", "after the army raised monthly pay and offered places at vocational colleges."], "body_must_not_contain": ["Sign in", "PUBLISHED", "NEWSPAPER SECTION", "WRITER:", "Do you like the content of this article?", "log in to view comments", "Most Recent", "Baht firms"]})

w('orchard_en_standfirst.txt', """Skip to main content
The Orchard Gazette
Home News Sport Business Life Opinion
News
Local News
Farmers count cost of worst hailstorm in decades
Orchards across the valley were stripped bare in minutes
By Peter Holm
Published 14 January 2026
A hailstorm that lasted less than 20 minutes destroyed much of this season's apple crop across the Orchard Valley on Tuesday afternoon, growers said, with stones the size of golf balls shredding leaves and fruit.
The regional growers' association estimated losses at more than $40 million, and said some of the smaller family farms might not survive the blow.
"I have been growing apples here for 38 years and I have never seen anything like it," said Margaret Olsen, whose 60-hectare orchard lost nearly all its fruit.
The state agriculture minister is due to visit the area on Friday.
Share this story
""", {"language": "en", "published_date": "2026-01-14", "section": None, "title": "Farmers count cost of worst hailstorm in decades", "body_must_contain": ["A hailstorm that lasted less than 20 minutes destroyed much of this season's apple crop", "The state agriculture minister is due to visit the area on Friday."], "body_must_not_contain": ["Skip to main content", "The Orchard Gazette", "Local News", "By Peter Holm", "Published 14 January", "Share this story"]})

w('phonui_vi_credit.txt', """Báo Phố Núi
Trang chủ
Thời sự
Gia Lai mở rộng diện tích cà phê đạt chuẩn bền vững
09/02/2026 | 15:20
(PNO) - Tỉnh Gia Lai đặt mục tiêu đến năm 2030 có 50.000 ha cà phê được cấp chứng nhận sản xuất bền vững, tăng gấp đôi so với hiện nay.
Theo Sở Nông nghiệp và Môi trường tỉnh, năm 2025 toàn tỉnh có khoảng 25.000 ha cà phê đạt chuẩn, chủ yếu tập trung ở các huyện Chư Sê, Chư Păh và Đak Đoa.
Tỉnh sẽ hỗ trợ nông dân chi phí cấp chứng nhận và kết nối với các doanh nghiệp thu mua để bảo đảm đầu ra ổn định.
Thanh Hà
Bạn thấy bài viết này thế nào?
Tin cùng chuyên mục
Giá cà phê hôm nay tăng mạnh
""", {"language": "vi", "published_date": "2026-02-09", "section": "Thời sự", "title": "Gia Lai mở rộng diện tích cà phê đạt chuẩn bền vững", "body_must_contain": ["Tỉnh Gia Lai đặt mục tiêu đến năm 2030 có 50.000 ha cà phê được cấp chứng nhận sản xuất bền vững", "kết nối với các doanh nghiệp thu mua để bảo đảm đầu ra ổn định."], "body_must_not_contain": ["(PNO)", "Báo Phố Núi", "Thanh Hà", "Bạn thấy bài viết này thế nào", "Tin cùng chuyên mục", "Giá cà phê hôm nay"]})

w('nevaline_ru_city.txt', """Невская линия
Новости
Город
Происшествия
12 МАРТА 2026, 14:35
В Петербурге задержали подозреваемых в краже кабеля метрополитена
Фото: Иван Петров / «Невская линия»
Полиция Петербурга задержала трёх мужчин, которых подозревают в краже более двух километров кабеля из тоннелей строящейся станции метро, сообщили в пресс-службе ГУ МВД по Петербургу и Ленобласти.
По данным ведомства, похищенный кабель стоимостью около 3 млн рублей злоумышленники сдавали в пункт приёма металлолома в Колпино.
Возбуждено уголовное дело о краже в особо крупном размере. Задержанным грозит до десяти лет лишения свободы.
Следите за развитием событий в нашем Telegram-канале.
Время чтения: 2 минуты
Елена Иванова,
«Невская линия»
Добавить в закладки
Комментарии (15)
Ещё по теме
Из тоннеля метро украли 300 метров кабеля
""", {"language": "ru", "published_date": "2026-03-12", "section": "Происшествия", "title": "В Петербурге задержали подозреваемых в краже кабеля метрополитена", "body_must_contain": ["Полиция Петербурга задержала трёх мужчин, которых подозревают в краже более двух километров кабеля", "Задержанным грозит до десяти лет лишения свободы."], "body_must_not_contain": ["Фото: Иван Петров", "Telegram-канале", "Время чтения", "Елена Иванова", "Добавить в закладки", "Комментарии", "Ещё по теме", "Из тоннеля метро"]})


# ================================================================== fourth batch (issue 10), written before its rules:
# HTML extracts that end with the author's name or a rule line after the text.

PACIFICLEDGER = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Thailand's parliament approves same-day visa scheme for tourists | Pacific Ledger</title>
<meta property="og:title" content="Thailand's parliament approves same-day visa scheme for tourists">
<meta property="article:published_time" content="2026-03-04T09:10:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Thailand's parliament approves same-day visa scheme for tourists","datePublished":"2026-03-04T09:10:00Z","author":[{"@type":"Person","name":"Jintana Panyaarvudh"}]}</script>
</head><body>
<div class="Page-header"><a href="#main">Skip to main content</a><div class="Page-logo">Pacific Ledger</div>
<ul class="Navigation"><li>World</li><li>U.S.</li><li>Politics</li><li>Sports</li><li>Entertainment</li><li>Business</li></ul>
<div class="Promo">Newsletters</div></div>
<main id="main"><div class="Page-content">
<h1 class="Page-headline">Thailand's parliament approves same-day visa scheme for tourists</h1>
<div class="Page-byline"><span>By JINTANA PANYAARVUDH</span><span>Updated 4:10 PM GMT+7, March 4, 2026</span></div>
<div class="Page-actions">Share Copy Link copied Email Facebook X Reddit LinkedIn</div>
<div class="RichTextStoryBody">
<p>BANGKOK (AP) — Thailand's parliament on Wednesday approved a plan to let tourists from 60 countries obtain visas on the day they apply online, part of a push to revive a tourism industry that has yet to return to its pre-pandemic peak.</p>
<p>The scheme, which takes effect in June, will replace a paper process that can take up to two weeks, the Tourism Ministry said.</p>
<div class="Enhancement"><div class="Enhancement-item"><h2 class="Enhancement-title">RELATED COVERAGE</h2><ul><li><a href="/1">Thai tourism arrivals rise 12% in January</a></li><li><a href="/2">Bangkok airport opens new terminal</a></li></ul></div></div>
<p>Thailand received 35 million foreign visitors last year, short of the nearly 40 million recorded in 2019, according to government figures.</p>
<p>The tourism sector accounts for about 12% of the country's economy and employs millions of people.</p>
<p>___</p>
<p>Associated Press writer Grant Peck contributed to this report.</p>
</div>
<div class="Page-below"><p>Copyright 2026 The Associated Press. All Rights Reserved.</p></div>
<div class="PageList-items"><h2>Most read</h2><div><a>Storm hits coast</a></div><div><a>Markets rally</a></div></div>
</div></main>
<footer><a>About</a><a>Contact</a><a>Terms of Use</a><a>Privacy Policy</a></footer>
</body></html>
"""

STOLICHNY = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>Правительство продлило льготную ипотеку для семей с детьми — Столичный вестник</title>
<meta name="description" content="Программа продлена до 2030 года">
</head><body>
<header><div class="logo">Столичный вестник</div><nav><a>Политика</a><a>Экономика</a><a>Общество</a><a>Спорт</a></nav></header>
<div class="layout">
<div class="article">
<div class="article-info"><span class="rubric">Экономика</span><span class="time">03.03.2026, 12:45</span><span class="views">2 341</span></div>
<h1>Правительство продлило льготную ипотеку для семей с детьми</h1>
<div class="subtitle">Программа будет действовать до 2030 года</div>
<div class="article-body">
<p>Правительство России продлило программу семейной ипотеки до конца 2030 года, сообщила пресс-служба кабмина. Ставка по кредитам сохранится на уровне 6% годовых.</p>
<p>Воспользоваться программой смогут семьи, в которых после 1 января 2018 года родился ребёнок, а также семьи с двумя несовершеннолетними детьми.</p>
<div class="incut"><span>Материалы по теме</span><a href="/x">Ставки по ипотеке снизились в феврале</a></div>
<p>С начала действия программы по ней выдано более 2,5 млн кредитов на сумму свыше 10 трлн рублей, отметили в Минфине.</p>
<p class="author">Мария Ковалёва</p>
</div>
<div class="article-footer"><p>Теги: <a>ипотека</a>, <a>правительство</a></p><p>Нашли ошибку? Выделите фрагмент и нажмите Ctrl+Enter</p></div>
</div>
<aside><div class="widget"><h3>Главное за сутки</h3><p>ЦБ сохранил ключевую ставку на уровне 16%. Решение совпало с ожиданиями аналитиков.</p><p>В Москве открылся новый музей.</p></div></aside>
</div>
<footer><p>© 2026 «Столичный вестник». Все права защищены. Использование материалов разрешено только с письменного согласия редакции.</p></footer>
</body></html>
"""

w('pacificledger_en_ap.html', PACIFICLEDGER, {"language": "en", "published_date": "2026-03-04", "title": "Thailand's parliament approves same-day visa scheme for tourists", "source": "AP", "dateline": "BANGKOK", "body_must_contain": ["Thailand's parliament on Wednesday approved a plan to let tourists from 60 countries obtain visas", "Thailand received 35 million foreign visitors last year", "The tourism sector accounts for about 12% of the country's economy and employs millions of people."], "body_must_not_contain": ["Skip to main content", "JINTANA", "Copy Link", "RELATED COVERAGE", "Thai tourism arrivals", "___", "contributed to this report", "All Rights Reserved", "Most read", "Privacy Policy"]})

w('stolichny_ru_page.html', STOLICHNY, {"language": "ru", "published_date": "2026-03-03", "title": "Правительство продлило льготную ипотеку для семей с детьми", "body_must_contain": ["Правительство России продлило программу семейной ипотеки до конца 2030 года", "отметили в Минфине."], "body_must_not_contain": ["Столичный вестник", "2 341", "Материалы по теме", "Ставки по ипотеке снизились", "Мария Ковалёва", "Теги:", "Ctrl+Enter", "Главное за сутки", "ЦБ сохранил", "Все права защищены"]})


# ================================================================== fifth batch (issue 10), written before its rule:
# engagement counters ("Views: 2,311", "Comments (4)", "Lượt xem: 1.245") between a headline and the text.

w('northernstar_en_opinion.txt', """Skip to main content
Northern Star
Home | News | Sport | Opinion
Opinion
A quiet revolution on the night shift
By Hannah Ross
Views: 2,311
12 Feb 2026
Comments (4)
For most of the last decade, the only people on the wards of St Mary's hospital after midnight were two nurses and a porter. Since January, they have been joined by a fleet of small robots that deliver medicines and collect samples.
The hospital's managers say the machines have cut the time nurses spend walking between wards by a third, leaving more time for patients.
Not everyone is convinced. Unions say the trial was rushed and that staff were not properly consulted before the robots arrived.
""", {"language": "en", "published_date": "2026-02-12", "section": "Opinion", "title": "A quiet revolution on the night shift", "body_must_contain": ["For most of the last decade, the only people on the wards of St Mary's hospital after midnight were two nurses and a porter.", "Unions say the trial was rushed and that staff were not properly consulted before the robots arrived."], "body_must_not_contain": ["Skip to main content", "Northern Star", "By Hannah Ross", "Views: 2,311", "Comments (4)"]})

w('cuabien_vi_culture.txt', """Báo Cửa Biển
Trang chủ | Thời sự | Kinh tế | Văn hóa
Văn hóa
Mùa xuân trên những con thuyền
Thứ Sáu, 13/02/2026 07:00
Lượt xem: 1.245
Bình luận (2)
Những ngày giáp Tết, các làng chài ven biển Hải Phòng rộn ràng hơn thường lệ. Ngư dân tranh thủ sửa sang thuyền, sơn lại mạn tàu và treo cờ đỏ sao vàng để chuẩn bị cho chuyến biển đầu năm.
Ông Nguyễn Văn Tư, một ngư dân có hơn 30 năm bám biển, cho biết năm nay giá hải sản ổn định nên bà con phấn khởi hơn mọi năm.
Theo chính quyền địa phương, toàn huyện có hơn 400 tàu cá sẽ ra khơi ngay sau rằm tháng Giêng.
""", {"language": "vi", "published_date": "2026-02-13", "section": "Văn hóa", "title": "Mùa xuân trên những con thuyền", "body_must_contain": ["Những ngày giáp Tết, các làng chài ven biển Hải Phòng rộn ràng hơn thường lệ.", "toàn huyện có hơn 400 tàu cá sẽ ra khơi ngay sau rằm tháng Giêng."], "body_must_not_contain": ["Báo Cửa Biển", "Lượt xem", "Bình luận (2)"]})


# ================================================================== sixth batch (issue 10), written before its rules:
# a wire page whose date runs into its clock time ("March 3, 20264:25 AM"), a lone licensing link and an author
# box after the wire credits.

w('saltmarsh_en_reuters.txt', """Skip to main content
Report This Ad
Exclusive news, data and analytics for financial market professionals
My News
Sign In
Subscribe - $1 for 1 year
World
Asia Pacific
Vietnam to build $67 billion north-south high-speed railway
By Francesco Guarascio
March 3, 20264:25 AM GMT+7Updated 2 hours ago
Item 1 of 2 A train runs past residential buildings in Hanoi, Vietnam, February 5, 2026. REUTERS/Thanh Hue
[1/2]A train runs past residential buildings in Hanoi, Vietnam, February 5, 2026. REUTERS/Thanh Hue Purchase Licensing Rights, opens new tab Read more
Companies
Vietnam Railways
Follow
HANOI, March 3 (Reuters) - Vietnam's parliament on Tuesday approved a plan to build a $67 billion high-speed railway linking Hanoi and Ho Chi Minh City, one of the largest infrastructure projects in the country's history.
The 1,541-km (958-mile) line, designed for trains running at up to 350 km per hour, would cut the travel time between the two cities to about five hours from more than 30 hours now.
Construction is scheduled to begin in 2027 and be completed by 2035, the government said.
Sign up here.
The government has said it will seek foreign technology partners for the project but will not rely on loans from any single country.
Reporting by Francesco Guarascio and Khanh Vu
Editing by Martin Petty
Our Standards: The Thomson Reuters Trust Principles., opens new tab
Share
X
Facebook
Linkedin
Email
Link
Purchase Licensing Rights
Francesco Guarascio
Thomson Reuters
Francesco is Reuters bureau chief in Hanoi, covering Vietnam's economy and politics.
""", {"language": "en", "published_date": "2026-03-03", "title": "Vietnam to build $67 billion north-south high-speed railway", "source": "Reuters", "dateline": "HANOI", "body_must_contain": ["Vietnam's parliament on Tuesday approved a plan to build a $67 billion high-speed railway linking Hanoi and Ho Chi Minh City", "Construction is scheduled to begin in 2027 and be completed by 2035, the government said.", "but will not rely on loans from any single country."], "body_must_not_contain": ["Report This Ad", "Subscribe - $1", "Item 1 of 2", "Purchase Licensing Rights", "Companies", "Follow", "(Reuters) -", "Sign up here", "Editing by", "Trust Principles", "Linkedin", "Francesco is Reuters bureau chief"]})


# ================================================================== seventh batch (issue 10), written before its rule:
# a section page of furniture whose only sentences are a cookie notice and a promo: no article.

URALDAY = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Новости — Уральский день</title></head><body>
<header><div>Уральский день</div><nav><a>Главная</a><a>Новости</a><a>Спорт</a></nav></header>
<main><h1>Новости</h1>
<ul><li><a>В Екатеринбурге открыли новый парк</a> <span>12:40</span></li><li><a>Синоптики обещают морозы до -30</a> <span>11:15</span></li></ul>
<p>Мы используем файлы cookie, чтобы сделать сайт удобнее. Продолжая пользоваться сайтом, вы соглашаетесь с этим.</p>
<p>Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать главные новости региона.</p>
</main>
<footer><p>© 2026 «Уральский день». Все права защищены. Сетевое издание зарегистрировано Роскомнадзором.</p></footer>
</body></html>
"""

w("uralday_ru_section.html", URALDAY, {"status": "quarantined"})


# ================================================================== eighth batch (issue 10), written before its rule:
# UTF-8 read as Windows-1251 and saved again (mojibake already decoded: "РќРѕРІРѕСЃС‚Рё"), the byte cp1251
# cannot show (0x98, the second byte of "И") lost as U+FFFD.
IRKUTSK = """ИРКУТСКИЙ КУРЬЕР
Новости | Общество | Экономика | Происшествия
Общество
Иркутск получит 40 новых троллейбусов до конца года
18.02.2026 11:20
Иркутск получит 40 новых троллейбусов с автономным ходом до конца года, сообщили в мэрии города. Машины закупят в лизинг за счёт федеральной программы обновления общественного транспорта.
Первые 12 троллейбусов выйдут на маршруты №3 и №7 уже в мае. Новые машины оборудованы кондиционерами, USB-зарядками и низким полом для пассажиров с колясками.
«Мы рассчитываем, что к 2027 году средний возраст троллейбусного парка снизится вдвое», — заявил глава департамента транспорта Игорь Смирнов.
Теги: транспорт, Иркутск
© 2026 «Иркутский курьер». Все права защищены.
"""
w("irkutsk_ru_mojibake1251.txt", IRKUTSK.encode("utf-8").decode("cp1251", errors="replace"), {"language": "ru", "published_date": "2026-02-18", "section": "Общество", "title": "Иркутск получит 40 новых троллейбусов до конца года", "body_must_contain": ["Иркутск получит 40 новых троллейбусов с автономным ходом до конца года, сообщили в мэрии города.", "Первые 12 троллейбусов выйдут на маршруты №3 и №7 уже в мае.", "«Мы рассчитываем, что к 2027 году средний возраст троллейбусного парка снизится вдвое», — заявил глава департамента транспорта Игорь Смирнов."], "body_must_not_contain": ["Теги:", "Все права защищены", "РЅ", "Рё", "�"]})


# ================================================================== ninth batch (issue 10), written before its rules:
# an analysis page with ad slots between paragraphs, a paywall call and an author bio after the text.
MEKONGREVIEW = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Why Cambodia's new canal worries Vietnam – The Mekong Review</title>
<meta property="og:title" content="Why Cambodia's new canal worries Vietnam">
<meta name="author" content="Sok Chea">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Why Cambodia's new canal worries Vietnam","datePublished":"2026-01-28T05:00:00+00:00"}</script>
</head><body>
<div id="header"><div class="logo">The Mekong Review</div><ul id="nav"><li>Politics</li><li>Security</li><li>Economy</li><li>Society</li></ul></div>
<div id="td-story">
<div class="td-kicker">Politics | Southeast Asia</div>
<h1>Why Cambodia's new canal worries Vietnam</h1>
<p class="td-lead">The Funan Techo canal could change the flow of the Mekong's lower reaches, experts say.</p>
<div class="td-author">By <a>Sok Chea</a><br>January 28, 2026</div>
<div class="td-image"><img src="c.jpg"><span class="credit">Credit: Depositphotos</span></div>
<div class="td-body">
<p>Cambodia broke ground last year on a 180-kilometer canal linking the Mekong River with the Gulf of Thailand, a project Phnom Penh says will cut shipping costs and reduce its reliance on Vietnamese ports.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>In Vietnam, however, officials and scientists have raised concerns that the canal could divert water from the Mekong Delta, already struggling with saltwater intrusion and sinking land.</p>
<p>The Cambodian government has rejected those concerns, saying the canal will draw only a small share of the river's flow during the dry season.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>Experts say the lack of shared data between the two countries makes it hard to assess the canal's real impact, and have called for a joint study through the Mekong River Commission.</p>
<p>Whatever the answer, the dispute shows how the river that binds the region together can also divide it.</p>
</div>
<div class="td-paywall"><p>Enjoying this article? Click here to subscribe for full access. Just $5 a month.</p></div>
<div class="td-authorbox"><p><strong>Sok Chea</strong> is a journalist based in Phnom Penh.</p></div>
</div>
<div id="footer"><p>© 2026 The Mekong Review. All Rights Reserved.</p></div>
</body></html>
"""
w("mekongreview_en_analysis.html", MEKONGREVIEW, {"language": "en", "published_date": "2026-01-28", "title": "Why Cambodia's new canal worries Vietnam", "body_must_contain": ["Cambodia broke ground last year on a 180-kilometer canal linking the Mekong River with the Gulf of Thailand", "The Cambodian government has rejected those concerns", "the dispute shows how the river that binds the region together can also divide it."], "body_must_not_contain": ["The Mekong Review", "By Sok Chea", "Depositphotos", "Advertisement", "Enjoying this article", "subscribe for full access", "is a journalist based in Phnom Penh", "All Rights Reserved"]})


# ================================================================== tenth batch (issue 10), written before its rule:
# scrapes that open with the page's title bar: the headline with the site name appended ("Headline | Site").

w('chaophraya_en_titlebar.txt', """Army to cut conscript intake by a third | Chao Phraya Times
Chao Phraya Times
Home | News | Business | Life
The army will reduce the number of conscripts it takes in this year by about a third as more young men volunteer for military service, a senior officer said on Tuesday.
About 60,000 conscripts will be drafted in April, down from 90,000 last year, according to army spokesman Maj Gen Somchai Prasert.
He said the number of volunteers had doubled over the past two years after the army raised monthly pay and offered places at vocational colleges.
""", {"language": "en", "published_date": None, "title": "Army to cut conscript intake by a third", "body_must_contain": ["The army will reduce the number of conscripts it takes in this year by about a third", "offered places at vocational colleges."], "body_must_not_contain": ["Chao Phraya Times", "Home | News"]})

w('tomsk_ru_titlebar.txt', """Мэрия Томска назвала сроки ремонта коммунального моста — Томский вестник
Томский вестник
Новости | Статьи | Фото | Видео
Ремонт коммунального моста через Томь начнётся в мае и продлится до конца октября, сообщили в администрации города. На время работ движение по мосту будет частично ограничено.
Подрядчика выберут по итогам аукциона в марте. Стоимость работ оценивается в 900 млн рублей, большую часть средств выделит федеральный бюджет.
Последний капитальный ремонт моста проводился в 2008 году.
""", {"language": "ru", "published_date": None, "title": "Мэрия Томска назвала сроки ремонта коммунального моста", "body_must_contain": ["Ремонт коммунального моста через Томь начнётся в мае", "Последний капитальный ремонт моста проводился в 2008 году."], "body_must_not_contain": ["Томский вестник", "Новости | Статьи"]})


if __name__ == "__main__":
    about = ("Dev corpus for the general plain-text rules (tests/articles_dev, generated by make_dev.py): 48 articles "
             "from 39 made-up sites that no rule names, en/ru/vi, txt/markdown/JSONL/UTF-16/KOI8-R/cp1252. "
             "Expectations are a human reading of each text. Tuned on; the eval/ corpus is not.")
    out = {"about": about, "documents": dict(sorted(DOCS.items())), "same_story": [], "different_story": []}
    (D / "expected.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(DOCS)} documents")
