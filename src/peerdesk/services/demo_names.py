"""Made-up names from several languages for demo vaults. Any resemblance is chance."""

from __future__ import annotations

GIVEN = (
    # English / Irish / Scottish
    "Amy", "Beth", "Chloe", "Dani", "Ellie", "Fran", "Gemma", "Holly", "Jade", "Kayleigh",
    "Leanne", "Megan", "Nicola", "Orla", "Paige", "Rosie", "Siobhan", "Tash", "Vicky", "Zoe",
    "Aoife", "Ciara", "Niamh", "Kirsty", "Morag", "Ben", "Callum", "Darren", "Jamie", "Liam",
    # Spanish / Portuguese
    "Lucía", "María José", "Ximena", "Valentina", "Camila", "Inês", "João", "Beatriz",
    "Ana Luísa", "Rocío",
    # Polish / Romanian / Ukrainian / Albanian / Czech
    "Agnieszka", "Małgorzata", "Zofia", "Ioana", "Andreea", "Mihaela", "Oksana", "Olena",
    "Kateryna", "Dritë", "Blerta", "Arjeta", "Lenka", "Tereza",
    # Arabic, Persian, Kurdish, Somali, Tigrinya, Amharic
    "Amira", "Layla", "Noor", "Yasmin", "Fatima", "Hana", "Shirin", "Parisa", "Roya", "Zhilwan",
    "Hodan", "Fadumo", "Ayaan", "Selam", "Tsega", "Meron", "Hiwot", "Abeba",
    # West African
    "Adaeze", "Chiamaka", "Ngozi", "Funmilayo", "Yetunde", "Ama", "Abena", "Efua", "Blessing",
    "Precious",
    # South and East Asian
    "Priya", "Anjali", "Kiran", "Sana", "Farzana", "Thi Lan", "Ngọc Anh", "Mai", "Linh",
    "Xiu Mei", "Jia Hui", "Mei Ling", "Hyun-jin", "Ji-woo", "Malaya", "Ligaya",
    # with scripts of their own
    "سارة", "مريم", "Ирина", "Наталья", "玉兰",
)

FAMILY = (
    "Smith", "Jones", "Taylor", "Brown", "Murphy", "O'Connor", "MacLeod", "Walsh", "Evans",
    "García", "Fernández", "Rodrigues", "Silva", "Nowak", "Kowalska", "Wiśniewska", "Popescu",
    "Ionescu", "Shevchenko", "Kovalenko", "Hoxha", "Krasniqi", "Dvořáková", "Haddad",
    "Al-Sayed", "Rahimi", "Hosseini", "Ahmed", "Warsame", "Tesfaye", "Gebremedhin", "Okafor",
    "Adeyemi", "Mensah", "Owusu", "Patel", "Begum", "Khan", "Nguyen", "Tran", "Wang", "Li",
    "Kim", "Park", "Santos", "Reyes", "Abdullah", "Mahmoud", "Ivanova", "Zhang",
)

NICKNAMES = ("Sunny", "Bee", "Red", "Star", "Jojo", "Lulu", "Coco", "Kiki", "Mo", "Dee")

LANGUAGES = (
    "English", "English", "English", "Spanish", "Portuguese", "Polish", "Romanian",
    "Ukrainian", "Albanian", "Arabic", "Farsi", "Kurdish", "Somali", "Tigrinya", "Amharic",
    "Yoruba", "Igbo", "Twi", "Vietnamese", "Mandarin", "Tagalog", "Bengali", "Urdu", "Thai",
)

NATIONALITIES = (
    "British", "British", "British", "Irish", "Romanian", "Polish", "Albanian", "Ukrainian",
    "Nigerian", "Ghanaian", "Eritrean", "Ethiopian", "Somali", "Sudanese", "Iranian",
    "Iraqi", "Vietnamese", "Chinese", "Filipino", "Thai", "Brazilian", "Spanish",
)

# Building blocks for synthetic session notes; plain, everyday casework.
NOTE_OPENINGS = (
    "Talked through the week.", "Met for a coffee at the centre.", "Long call today.",
    "Checked in after last session.", "Quiet at first, then opened up.",
    "Came in early and stayed for the group after.", "Short text exchange, all well.",
)
NOTE_TOPICS = (
    "Worried about the housing application and the bidding deadline.",
    "GP appointment booked; wants someone to go along.",
    "Solicitor letter arrived about the asylum appeal.",
    "Feeling isolated since moving to the new flat.",
    "Benefits review coming up; helped gather documents.",
    "Sleeping better, still anxious in the evenings.",
    "Thinking about joining the Tuesday art group.",
    "Wants to start an English class at the college.",
    "Money is tight; talked about the food bank and the hardship fund.",
    "Spoke about family back home and a phone call that went well.",
    "Had a difficult week; used the grounding exercise we practised.",
    "Interested in volunteering once things settle down.",
)
NOTE_CLOSINGS = (
    "Agreed to check in next week.", "Will bring the letter next time.",
    "Shared the helpline number again.", "Feels more settled.", "No immediate concerns.",
    "Will think about counselling referral.",
)
NEXT_STEPS = (
    "Call on Monday.", "Send the college link.", "Check the housing reply.",
    "Book interpreter for next session.", "Ask about the art group start date.", "",
)
DESTINATIONS = {
    "counselling": ("Talking Therapies", "Rape Crisis counselling", "Survivors' therapy service"),
    "agency": ("Citizens Advice", "Local housing team", "Immigration legal clinic",
               "Women's Aid outreach", "Job Centre work coach"),
    "group": ("Tuesday art group", "Women's walking group", "English conversation club",
              "Peer support circle"),
}

PLACES = ("Community room", "Upstairs room", "Garden room", "Library meeting room",
          "Main hall")
