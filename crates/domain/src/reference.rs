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
