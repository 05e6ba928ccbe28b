//! Reference data: Wales's 22 principal areas and their regions, and the SIC 2007
//! sections. Codes are stable (stored and used in CSV); names come in both languages.

use crate::Lang;

crate::code::coded_enum! {
    /// The regions of Wales (and outside it) a cohort meets in and a principal
    /// area belongs to.
    pub enum Region {
        CardiffCapital = "cardiff_capital", "region-cardiff-capital";
        SwanseaBay = "swansea_bay", "region-swansea-bay";
        MidWales = "mid_wales", "region-mid-wales";
        NorthWales = "north_wales", "region-north-wales";
        OutsideWales = "outside_wales", "region-outside-wales";
    }
}

impl Default for Region {
    /// The region a new cohort's form offers first.
    fn default() -> Self {
        Region::CardiffCapital
    }
}

impl Region {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Region::CardiffCapital, Lang::En) => "Cardiff Capital Region",
            (Region::CardiffCapital, Lang::Cy) => "Prifddinas-Ranbarth Caerdydd",
            (Region::SwanseaBay, Lang::En) => "Swansea Bay",
            (Region::SwanseaBay, Lang::Cy) => "Bae Abertawe",
            (Region::MidWales, Lang::En) => "Mid Wales",
            (Region::MidWales, Lang::Cy) => "Canolbarth Cymru",
            (Region::NorthWales, Lang::En) => "North Wales",
            (Region::NorthWales, Lang::Cy) => "Gogledd Cymru",
            (Region::OutsideWales, Lang::En) => "Outside Wales",
            (Region::OutsideWales, Lang::Cy) => "Y tu allan i Gymru",
        }
    }
}

/// A principal area: (code, English name, Welsh name, region).
pub struct Area {
    pub code: &'static str,
    pub en: &'static str,
    pub cy: &'static str,
    pub region: Region,
}

impl Area {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Cy => self.cy,
        }
    }
}

/// Every area, in the alphabetical order of its name in `lang` (Welsh
/// order on a Welsh page: *Caerdydd* before *Ceredigion*, *Sir Ddinbych*
/// after *Sir Benfro*).
pub fn areas_in(lang: Lang) -> Vec<&'static Area> {
    let mut areas: Vec<&'static Area> = AREAS.iter().collect();
    areas.sort_by_key(|a| collation_key(a.name(lang), lang));
    areas
}

/// A key that sorts words as a dictionary in `lang` does. Welsh counts its
/// digraphs as letters (a b c ch d dd e f ff g ng h i j l ll m n o p ph r rh
/// s t th u w y) and ignores accents; English ignores case and accents.
pub fn collation_key(text: &str, lang: Lang) -> Vec<u32> {
    const WELSH: [&str; 29] = [
        "a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "l", "ll", "m",
        "n", "o", "p", "ph", "r", "rh", "s", "t", "th", "u", "w", "y",
    ];
    let folded: Vec<char> = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'â' | 'á' | 'à' | 'ä' => 'a',
            'ê' | 'é' | 'è' | 'ë' => 'e',
            'î' | 'í' | 'ì' | 'ï' => 'i',
            'ô' | 'ó' | 'ò' | 'ö' => 'o',
            'û' | 'ú' | 'ù' | 'ü' => 'u',
            'ŵ' | 'ẃ' | 'ẁ' | 'ẅ' => 'w',
            'ŷ' | 'ý' | 'ỳ' | 'ÿ' => 'y',
            other => other,
        })
        .collect();
    let mut key = Vec::with_capacity(folded.len());
    let mut i = 0;
    while i < folded.len() {
        let pair: String = folded[i..folded.len().min(i + 2)].iter().collect();
        let letter = |s: &str| WELSH.iter().position(|l| *l == s);
        let (rank, used) = match lang {
            Lang::Cy => match letter(&pair).filter(|_| pair.chars().count() == 2) {
                Some(r) => (r, 2),
                None => match letter(&folded[i].to_string()) {
                    Some(r) => (r, 1),
                    None => (usize::MAX, 1),
                },
            },
            Lang::En => (usize::MAX, 1),
        };
        // Letters outside the alphabet (spaces, hyphens, k, v …) sort by
        // their code point, after the alphabet's own.
        key.push(match rank {
            usize::MAX => 1_000 + folded[i] as u32,
            r => u32::try_from(r).unwrap_or(u32::MAX),
        });
        i += used;
    }
    key
}

macro_rules! areas {
    ($(($code:literal, $en:literal, $cy:literal, $region:ident)),* $(,)?) => {
        pub const AREAS: &[Area] = &[$(Area { code: $code, en: $en, cy: $cy, region: Region::$region }),*];
    };
}

areas![
    (
        "blaenau_gwent",
        "Blaenau Gwent",
        "Blaenau Gwent",
        CardiffCapital
    ),
    ("bridgend", "Bridgend", "Pen-y-bont ar Ogwr", CardiffCapital),
    ("caerphilly", "Caerphilly", "Caerffili", CardiffCapital),
    ("cardiff", "Cardiff", "Caerdydd", CardiffCapital),
    (
        "carmarthenshire",
        "Carmarthenshire",
        "Sir Gaerfyrddin",
        SwanseaBay
    ),
    ("ceredigion", "Ceredigion", "Ceredigion", MidWales),
    ("conwy", "Conwy", "Conwy", NorthWales),
    ("denbighshire", "Denbighshire", "Sir Ddinbych", NorthWales),
    ("flintshire", "Flintshire", "Sir y Fflint", NorthWales),
    ("gwynedd", "Gwynedd", "Gwynedd", NorthWales),
    (
        "isle_of_anglesey",
        "Isle of Anglesey",
        "Ynys Môn",
        NorthWales
    ),
    (
        "merthyr_tydfil",
        "Merthyr Tydfil",
        "Merthyr Tudful",
        CardiffCapital
    ),
    (
        "monmouthshire",
        "Monmouthshire",
        "Sir Fynwy",
        CardiffCapital
    ),
    (
        "neath_port_talbot",
        "Neath Port Talbot",
        "Castell-nedd Port Talbot",
        SwanseaBay
    ),
    ("newport", "Newport", "Casnewydd", CardiffCapital),
    ("pembrokeshire", "Pembrokeshire", "Sir Benfro", SwanseaBay),
    ("powys", "Powys", "Powys", MidWales),
    (
        "rhondda_cynon_taf",
        "Rhondda Cynon Taf",
        "Rhondda Cynon Taf",
        CardiffCapital
    ),
    ("swansea", "Swansea", "Abertawe", SwanseaBay),
    ("torfaen", "Torfaen", "Torfaen", CardiffCapital),
    (
        "vale_of_glamorgan",
        "Vale of Glamorgan",
        "Bro Morgannwg",
        CardiffCapital
    ),
    ("wrexham", "Wrexham", "Wrecsam", NorthWales),
    (
        "outside_wales",
        "Outside Wales",
        "Y tu allan i Gymru",
        OutsideWales
    ),
];

/// Finds an area by its code, or by its English or Welsh name (any case), as
/// people type them in spreadsheets.
pub fn area(input: &str) -> Option<&'static Area> {
    let wanted = input.trim().to_lowercase();
    AREAS.iter().find(|a| {
        a.code == wanted || a.en.to_lowercase() == wanted || a.cy.to_lowercase() == wanted
    })
}

/// SIC 2007 sections A–U: (letter, English, Welsh).
pub const SIC_SECTIONS: &[(char, &str, &str)] = &[
    (
        'A',
        "Agriculture, forestry and fishing",
        "Amaethyddiaeth, coedwigaeth a physgota",
    ),
    ('B', "Mining and quarrying", "Mwyngloddio a chwarela"),
    ('C', "Manufacturing", "Gweithgynhyrchu"),
    (
        'D',
        "Electricity, gas, steam and air conditioning supply",
        "Cyflenwi trydan, nwy, ager ac aerdymheru",
    ),
    (
        'E',
        "Water supply, sewerage, waste management and remediation",
        "Cyflenwi dŵr, carthffosiaeth, rheoli gwastraff ac adfer",
    ),
    ('F', "Construction", "Adeiladu"),
    (
        'G',
        "Wholesale and retail trade; repair of motor vehicles",
        "Masnach gyfanwerthu a manwerthu; atgyweirio cerbydau modur",
    ),
    ('H', "Transportation and storage", "Cludiant a storio"),
    (
        'I',
        "Accommodation and food service activities",
        "Gwasanaethau llety a bwyd",
    ),
    (
        'J',
        "Information and communication",
        "Gwybodaeth a chyfathrebu",
    ),
    (
        'K',
        "Financial and insurance activities",
        "Gweithgareddau ariannol ac yswiriant",
    ),
    ('L', "Real estate activities", "Gweithgareddau eiddo tiriog"),
    (
        'M',
        "Professional, scientific and technical activities",
        "Gweithgareddau proffesiynol, gwyddonol a thechnegol",
    ),
    (
        'N',
        "Administrative and support service activities",
        "Gweithgareddau gwasanaethau gweinyddol a chymorth",
    ),
    (
        'O',
        "Public administration and defence",
        "Gweinyddiaeth gyhoeddus ac amddiffyn",
    ),
    ('P', "Education", "Addysg"),
    (
        'Q',
        "Human health and social work activities",
        "Iechyd pobl a gwaith cymdeithasol",
    ),
    (
        'R',
        "Arts, entertainment and recreation",
        "Celfyddydau, adloniant a hamdden",
    ),
    (
        'S',
        "Other service activities",
        "Gweithgareddau gwasanaeth eraill",
    ),
    (
        'T',
        "Activities of households as employers",
        "Gweithgareddau aelwydydd fel cyflogwyr",
    ),
    (
        'U',
        "Activities of extraterritorial organisations and bodies",
        "Gweithgareddau sefydliadau a chyrff alltiriogaethol",
    ),
];

pub fn sic_section(input: &str) -> Option<char> {
    let s = input.trim();
    let mut chars = s.chars();
    let c = chars.next()?.to_ascii_uppercase();
    (chars.next().is_none() && SIC_SECTIONS.iter().any(|(l, _, _)| *l == c)).then_some(c)
}

pub fn sic_name(letter: char, lang: Lang) -> &'static str {
    SIC_SECTIONS
        .iter()
        .find(|(l, _, _)| *l == letter)
        .map(|(_, en, cy)| if lang == Lang::En { *en } else { *cy })
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_two_areas_in_four_regions_plus_outside() {
        let welsh: Vec<_> = AREAS
            .iter()
            .filter(|a| a.region != Region::OutsideWales)
            .collect();
        assert_eq!(welsh.len(), 22);
        let count = |r| AREAS.iter().filter(|a| a.region == r).count();
        assert_eq!(count(Region::CardiffCapital), 10);
        assert_eq!(count(Region::SwanseaBay), 4);
        assert_eq!(count(Region::MidWales), 2);
        assert_eq!(count(Region::NorthWales), 6);
    }

    #[test]
    fn areas_found_by_code_or_either_name() {
        assert_eq!(area("Ynys Môn").map(|a| a.code), Some("isle_of_anglesey"));
        assert_eq!(area("wrexham").map(|a| a.cy), Some("Wrecsam"));
        assert_eq!(area(" CAERDYDD ").map(|a| a.en), Some("Cardiff"));
        assert!(area("Atlantis").is_none());
    }

    #[test]
    fn sic_sections() {
        assert_eq!(SIC_SECTIONS.len(), 21);
        assert_eq!(sic_section("c"), Some('C'));
        assert_eq!(sic_section("V"), None);
        assert_eq!(sic_section("CC"), None);
        assert_eq!(sic_name('I', Lang::Cy), "Gwasanaethau llety a bwyd");
    }
}

#[cfg(test)]
mod collation {
    use super::*;

    #[test]
    fn welsh_orders_its_digraphs_as_letters() {
        let cy: Vec<&str> = areas_in(Lang::Cy).iter().map(|a| a.cy).collect();
        let at = |name: &str| cy.iter().position(|n| *n == name).unwrap();
        // c < ch: Conwy before any "Ch…"; ll after l; dd after d.
        assert!(at("Caerdydd") < at("Ceredigion"));
        assert!(at("Sir Benfro") < at("Sir Ddinbych"));
        assert!(at("Abertawe") < at("Blaenau Gwent"));
        let key = |s| collation_key(s, Lang::Cy);
        assert!(key("Llandudno") > key("Lyon"), "ll comes after l");
        assert!(key("chwarel") > key("cwm"), "ch comes after c");
        assert!(key("Ynys Môn") > key("Wrecsam"));
        let en: Vec<&str> = areas_in(Lang::En).iter().map(|a| a.en).collect();
        let mut sorted = en.clone();
        sorted.sort_by_key(|n| n.to_lowercase());
        assert_eq!(en, sorted, "English in plain alphabetical order");
    }
}
