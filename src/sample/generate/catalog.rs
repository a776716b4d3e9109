//! What a synthetic capture is made of: the businesses and their staff, the contacts' names and
//! phone numbers, the message templates of each channel, appointment times, and the files that
//! calls, voicemails and messages link to. Plain data, plus the filler of the templates'
//! `{placeholders}`. Changing a table changes the bytes a seed gives.

pub(super) struct Business {
    pub(super) name: &'static str,
    pub(super) slug: &'static str,
    pub(super) staff: [&'static str; 3],
}

pub(super) const BUSINESSES: [Business; 8] = [
    Business {
        name: "Bright Smile Dental",
        slug: "brightsmile",
        staff: ["Riley Chen", "Morgan Patel", "Jamie Rivera"],
    },
    Business {
        name: "Summit Roofing",
        slug: "summitroofing",
        staff: ["Dana Brooks", "Luis Ortega", "Kim Nguyen"],
    },
    Business {
        name: "Glow Med Spa",
        slug: "glowmedspa",
        staff: ["Ava Thompson", "Priya Shah", "Chloe Martin"],
    },
    Business {
        name: "Iron Peak Fitness",
        slug: "ironpeak",
        staff: ["Marcus Reed", "Tess Walker", "Omar Haddad"],
    },
    Business {
        name: "Harbor Realty Group",
        slug: "harborrealty",
        staff: ["Grace Kim", "Ethan Cole", "Sofia Rossi"],
    },
    Business {
        name: "Oakwood Law",
        slug: "oakwoodlaw",
        staff: ["Hannah Price", "David Levin", "Nora Quinn"],
    },
    Business {
        name: "Precision Auto Care",
        slug: "precisionauto",
        staff: ["Tony Russo", "Bea Alvarez", "Sam Okafor"],
    },
    Business {
        name: "Bloom Hair Studio",
        slug: "bloomhair",
        staff: ["Lily Evans", "Jade Morales", "Zoe Fischer"],
    },
];

/// How busy each business is (share of payloads), in the order of [`BUSINESSES`].
pub(super) const BUSINESS_WEIGHTS: [(usize, u32); 8] = [
    (0, 24),
    (1, 9),
    (2, 16),
    (3, 12),
    (4, 14),
    (5, 6),
    (6, 11),
    (7, 8),
];

pub(super) const FIRST_NAMES: [&str; 40] = [
    "Jordan", "Taylor", "Alex", "Casey", "Jamie", "Morgan", "Avery", "Riley", "Quinn", "Peyton",
    "Emma", "Olivia", "Liam", "Noah", "Sophia", "Mia", "Lucas", "Ethan", "Isabella", "Amelia",
    "Mateo", "Harper", "Elijah", "Evelyn", "James", "Aria", "Benjamin", "Chloe", "Daniel", "Grace",
    "Henry", "Layla", "Jack", "Nora", "Leo", "Zoey", "Owen", "Maya", "Samuel", "Ruby",
];

pub(super) const LAST_NAMES: [&str; 40] = [
    "Lee", "Smith", "Johnson", "Garcia", "Brown", "Davis", "Miller", "Wilson", "Moore", "Clark",
    "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Lopez", "Hill", "Scott", "Green",
    "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Perez", "Roberts", "Turner", "Phillips",
    "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook",
    "Rogers", "Reed",
];

pub(super) const AREA_CODES: [&str; 20] = [
    "212", "213", "305", "312", "404", "415", "469", "480", "503", "512", "602", "617", "646",
    "702", "713", "720", "786", "813", "858", "917",
];

pub(super) const MAIL_DOMAINS: [&str; 3] = ["example.com", "example.org", "example.net"];

/// Contacts in a capture, spread evenly over the businesses.
pub(super) const CONTACTS: usize = 4096;

pub(super) const SMS_TEMPLATES: [&str; 12] = [
    "Hi {first}, this is {biz} reminding you of your appointment on {day} at {time}. Reply C to confirm or R to reschedule.",
    "Hi {first}! Thanks for choosing {biz}. How did we do? Leave us a quick review: {link}/review",
    "{biz}: your appointment is confirmed for {day} at {time}. See you soon!",
    "Hi {first}, {staff} from {biz} here. Just following up on your inquiry. Do you have a few minutes to chat today?",
    "Hi {first}, we just had an opening on {day} at {time}. Want me to book it for you?",
    "Thanks {first}! We received your payment. Your receipt: {link}/r/{code}",
    "{biz}: we missed you today! Book your next visit at {link}/book. Reply STOP to opt out.",
    "Hi {first}, a friendly reminder that your balance is due {day}. Pay securely here: {link}/pay/{code}",
    "Sounds good, see you then!",
    "Hi {first}, it's {staff} at {biz}. Your order is ready for pickup. We're open until 6 PM.",
    "Got it, thanks {first}. I'll let {staff} know and we'll call you back shortly.",
    "{biz}: this week only, 20% off for returning clients. Book at {link}/book. Reply STOP to opt out.",
];

pub(super) const CHAT_TEMPLATES: [&str; 8] = [
    "Hi {first}! Thanks for reaching out. Yes, we have availability on {day} at {time}. Would that work for you?",
    "Great question! Our hours are Mon-Fri 8 AM-6 PM and Sat 9 AM-1 PM.",
    "Here's the link to book online: {link}/book",
    "Thanks for the kind words, {first}! We look forward to seeing you again.",
    "You're all set for {day} at {time}. See you then!",
    "Hi there! I can help with that. What day works best for you?",
    "Absolutely, {staff} can help you with that. What's the best number to reach you?",
    "We're on the 2nd floor, right above the bakery. Free parking in the back!",
];

#[derive(Clone, Copy)]
pub(super) struct EmailTemplate {
    pub(super) subject: &'static str,
    pub(super) body: &'static str,
}

pub(super) const EMAIL_TEMPLATES: [EmailTemplate; 5] = [
    EmailTemplate {
        subject: "Your appointment on {day} is confirmed",
        body: "<div style=\"font-family: arial, helvetica, sans-serif; font-size: 11pt;\"><p>Hi {first},</p><p>Thanks for booking with {biz}. Your appointment is confirmed for <strong>{day} at {time}</strong>.</p><p>See you soon,<br>{staff}</p></div>",
    },
    EmailTemplate {
        subject: "Following up on your inquiry",
        body: "<div style=\"font-family: verdana, geneva; font-size: 11pt;\"><p>Hi {first},</p><p>I wanted to follow up on your request. Do you have time for a quick call this week?</p><p>Best,<br>{staff}<br>{biz}</p></div>",
    },
    EmailTemplate {
        subject: "Your invoice from {biz}",
        body: "<div><p>Hi {first},</p><p>Your invoice is ready. You can view and pay it online: <a href=\"{link}/pay/{code}\">{link}/pay/{code}</a></p><p>Thank you for your business!</p></div>",
    },
    EmailTemplate {
        subject: "How did we do, {first}?",
        body: "<div><p>Hi {first},</p><p>Thanks for visiting {biz}! Would you take a minute to tell us how we did?</p><p><a href=\"{link}/review\">Leave a review</a></p><p>{staff}</p></div>",
    },
    EmailTemplate {
        subject: "{first}, a little thank-you from {biz}",
        body: "<div style=\"font-size: 11pt;\"><p>Hi {first},</p><p>As a thank-you, enjoy 20% off your next visit. Book before {day}: <a href=\"{link}/book\">{link}/book</a></p><p>{staff}</p></div>",
    },
];

pub(super) const TIMES: [&str; 12] = [
    "8:30 AM", "9:00 AM", "9:30 AM", "10:00 AM", "10:30 AM", "11:15 AM", "1:00 PM", "1:45 PM",
    "2:30 PM", "3:00 PM", "4:15 PM", "5:30 PM",
];

pub(super) const VOICEMAIL_FILES: [&str; 4] = [
    "appointment-follow-up",
    "missed-you",
    "seasonal-offer",
    "payment-reminder",
];

pub(super) const MEDIA_FILES: [&str; 5] = [
    "photo.jpg",
    "office-map.jpg",
    "price-list.pdf",
    "before-after.jpg",
    "coupon.png",
];

pub(super) const DOCUMENTS: [&str; 4] = [
    "invoice.pdf",
    "new-patient-forms.pdf",
    "estimate.pdf",
    "welcome-guide.pdf",
];

/// What a template's placeholders stand for.
pub(super) struct Fill<'a> {
    pub(super) first: &'a str,
    pub(super) biz: &'a str,
    pub(super) staff: &'a str,
    pub(super) link: &'a [u8],
    pub(super) day: &'a [u8],
    pub(super) time: &'a str,
    pub(super) code: &'a [u8],
}

/// Appends `template` with its `{placeholders}` filled in.
pub(super) fn fill(out: &mut Vec<u8>, template: &str, f: &Fill<'_>) {
    let mut rest = template.as_bytes();
    while let Some(open) = rest.iter().position(|&b| b == b'{') {
        out.extend_from_slice(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.iter().position(|&b| b == b'}') else {
            rest = &rest[open..];
            break;
        };
        let value: &[u8] = match &after[..close] {
            b"first" => f.first.as_bytes(),
            b"biz" => f.biz.as_bytes(),
            b"staff" => f.staff.as_bytes(),
            b"link" => f.link,
            b"day" => f.day,
            b"time" => f.time.as_bytes(),
            b"code" => f.code,
            other => other,
        };
        out.extend_from_slice(value);
        rest = &after[close + 1..];
    }
    out.extend_from_slice(rest);
}
