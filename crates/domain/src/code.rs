//! Stored codes: every fieldless enum Ymarfer keeps in a database, a CSV or
//! JSON is declared with [`coded_enum`], and a code that names no value is an
//! [`UnknownCode`].

/// A stored code that names no value of its type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown code {0:?}")]
pub struct UnknownCode(pub String);

/// Declares a fieldless enum with a stable snake_case storage code and a Fluent
/// message id per variant: `ALL`, `as_str()`, `parse()`, `message_id()`, and
/// `TryFrom<String>` so that stored rows decode into it. Serde uses the same
/// codes, so storage, CSV and JSON never disagree. Every code in Ymarfer is
/// declared this way.
macro_rules! coded_enum {
    (
        $(#[$enum_meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $code:literal, $message:literal;
            )+
        }
    ) => {
        $(#[$enum_meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(
                $(#[$variant_meta])*
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The stable code used in storage and CSV.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// Reads a stable code back; `None` for anything else.
            pub fn parse(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The Fluent message id of the value's name.
            pub fn message_id(self) -> &'static str {
                match self {
                    $($name::$variant => $message,)+
                }
            }
        }

        /// Stored rows decode straight into the type (`#[sqlx(try_from = "String")]`).
        impl TryFrom<String> for $name {
            type Error = $crate::UnknownCode;
            fn try_from(code: String) -> Result<$name, $crate::UnknownCode> {
                $name::parse(&code).ok_or($crate::UnknownCode(code))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use coded_enum;
