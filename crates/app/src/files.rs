//! Attached files: checked by their content (not their name), images re-encoded
//! (which drops their location and every other piece of metadata) with a
//! thumbnail, and kept in an object store — a local folder by default, or an
//! S3-compatible bucket so that several servers share them. Keys are random;
//! files are served only through routes that ask the policy first.

use bytes::Bytes;
use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use object_store::ObjectStore;
use object_store::path::Path as StorePath;
use std::io::Cursor;
use std::sync::Arc;
use ymarfer_store::attachments::NewAttachment;

/// The largest file accepted, in bytes.
pub const MAX_FILE: usize = 10 * 1024 * 1024;
/// Longest side of a stored image, and of its thumbnail, in pixels.
const FULL_SIDE: u32 = 1600;
const THUMB_SIDE: u32 = 480;
/// The most pixels an image may have: 40 megapixels (a 7,700 × 5,200 photo).
/// Read from the file's header, before anything is decoded, so a small file
/// that claims a vast picture costs nothing.
pub const MAX_PIXELS: u64 = 40_000_000;
/// The most memory decoding one image may take: four bytes a pixel at the
/// pixel budget, with room to spare. Scaling down works within the decoded
/// picture and writes only the smaller one.
const MAX_DECODE_BYTES: u64 = 192 * 1024 * 1024;
/// How many images are prepared at once in this process; others wait their
/// turn, so memory stays within this many decoding budgets.
pub const AT_ONCE: usize = 2;
static PREPARING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(AT_ONCE);

/// Why a file was refused: each has a message for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    TooLarge,
    /// Not a JPEG, PNG, WebP or PDF, whatever its name says.
    Type,
    /// Says it is an image but cannot be read as one.
    Unreadable,
    /// An image of more than [`MAX_PIXELS`], or one that would take more
    /// memory to decode than the budget allows.
    TooManyPixels,
}

impl Refusal {
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::TooLarge => "file-error-too-large",
            Refusal::Type => "file-error-type",
            Refusal::Unreadable => "file-error-unreadable",
            Refusal::TooManyPixels => "file-error-too-many-pixels",
        }
    }
}

/// A file ready to store.
pub struct Prepared {
    pub filename: String,
    pub content_type: &'static str,
    pub bytes: Bytes,
    pub thumb: Option<Bytes>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// What it shows, in words (its text alternative), and the language
    /// they are in; empty when none was given.
    pub description: String,
    pub description_lang: ymarfer_domain::Lang,
}

/// The name a person gave a file, kept for display only: its last path part,
/// without control characters, at most 120 characters.
fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last.chars().filter(|c| !c.is_control()).take(120).collect();
    if cleaned.trim().is_empty() {
        "file".into()
    } else {
        cleaned.trim().to_string()
    }
}

fn encode(img: &DynamicImage, format: ImageFormat) -> Result<Bytes, Refusal> {
    let mut out = Cursor::new(Vec::new());
    let result = match format {
        ImageFormat::Png => img.write_to(&mut out, ImageFormat::Png),
        _ => DynamicImage::ImageRgb8(img.to_rgb8()).write_to(&mut out, ImageFormat::Jpeg),
    };
    result.map_err(|_| Refusal::Unreadable)?;
    Ok(Bytes::from(out.into_inner()))
}

/// Checks a file by its content and prepares it for storing. CPU-bound: call
/// it off the async threads.
pub fn prepare(name: &str, data: &[u8]) -> Result<Prepared, Refusal> {
    if data.len() > MAX_FILE {
        return Err(Refusal::TooLarge);
    }
    let kind = infer::get(data).ok_or(Refusal::Type)?;
    let filename = clean_name(name);
    let format = match kind.mime_type() {
        "application/pdf" => {
            return Ok(Prepared {
                filename,
                content_type: "application/pdf",
                bytes: Bytes::copy_from_slice(data),
                thumb: None,
                width: None,
                height: None,
                description: String::new(),
                description_lang: ymarfer_domain::Lang::En,
            });
        }
        "image/jpeg" => ImageFormat::Jpeg,
        "image/png" => ImageFormat::Png,
        "image/webp" => ImageFormat::WebP,
        _ => return Err(Refusal::Type),
    };
    // The header first: its dimensions decide whether to decode at all.
    let (width, height) = ImageReader::with_format(Cursor::new(data), format)
        .into_dimensions()
        .map_err(|_| Refusal::Unreadable)?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Refusal::TooManyPixels);
    }
    let mut reader = ImageReader::with_format(Cursor::new(data), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => Refusal::TooManyPixels,
        _ => Refusal::Unreadable,
    })?;
    // Scaled by averaging areas, which needs no working copy of the picture.
    let img = if img.width() > FULL_SIDE || img.height() > FULL_SIDE {
        img.thumbnail(FULL_SIDE, FULL_SIDE)
    } else {
        img
    };
    // Stored as PNG when it came as one (transparency kept), JPEG otherwise;
    // re-encoding writes no metadata at all.
    let (stored, content_type) = match format {
        ImageFormat::Png => (ImageFormat::Png, "image/png"),
        _ => (ImageFormat::Jpeg, "image/jpeg"),
    };
    let bytes = encode(&img, stored)?;
    let thumb = encode(&img.thumbnail(THUMB_SIDE, THUMB_SIDE), stored)?;
    Ok(Prepared {
        filename,
        content_type,
        bytes,
        thumb: Some(thumb),
        width: Some(img.width()),
        height: Some(img.height()),
        description: String::new(),
        description_lang: ymarfer_domain::Lang::En,
    })
}

/// [`prepare`] off the async threads, at most [`AT_ONCE`] at a time.
pub async fn prepare_in_turn(
    name: String,
    data: bytes::Bytes,
) -> anyhow::Result<Result<Prepared, Refusal>> {
    let _turn = PREPARING.acquire().await?;
    Ok(tokio::task::spawn_blocking(move || prepare(&name, &data)).await?)
}

/// Where files are kept.
#[derive(Clone)]
pub struct Files {
    store: Arc<dyn ObjectStore>,
}

impl Files {
    /// `s3://BUCKET` (with the `AWS_*` environment variables naming the
    /// endpoint and keys) or, by default, the folder `attachments` in the data folder.
    pub fn open(location: Option<&str>, data_dir: &std::path::Path) -> anyhow::Result<Files> {
        let store: Arc<dyn ObjectStore> = match location {
            Some(url) if url.starts_with("s3://") => {
                let bucket = url.trim_start_matches("s3://").trim_end_matches('/');
                Arc::new(
                    object_store::aws::AmazonS3Builder::from_env()
                        .with_bucket_name(bucket)
                        .build()?,
                )
            }
            Some(other) => anyhow::bail!(
                "YMARFER_ATTACHMENTS must be s3://BUCKET, or unset for the data folder (got {other:?})"
            ),
            None => {
                let dir = data_dir.join("attachments");
                std::fs::create_dir_all(&dir)?;
                Arc::new(object_store::local::LocalFileSystem::new_with_prefix(dir)?)
            }
        };
        Ok(Files { store })
    }

    /// Stores a prepared file under new random keys.
    pub async fn put(&self, p: Prepared) -> anyhow::Result<NewAttachment> {
        let key = format!("a/{}", ymarfer_store::secret::new_secret().0);
        self.store
            .put(&StorePath::from(key.as_str()), p.bytes.clone().into())
            .await?;
        let thumb_key = match p.thumb {
            Some(thumb) => {
                let k = format!("{key}-thumb");
                self.store
                    .put(&StorePath::from(k.as_str()), thumb.into())
                    .await?;
                Some(k)
            }
            None => None,
        };
        Ok(NewAttachment {
            filename: p.filename,
            content_type: p.content_type.to_string(),
            size: p.bytes.len() as i64,
            object_key: key,
            thumb_key,
            width: p.width.map(i64::from),
            height: p.height.map(i64::from),
            description: p.description,
            description_lang: p.description_lang.code().to_string(),
        })
    }

    pub async fn get(&self, key: &str) -> anyhow::Result<Bytes> {
        Ok(self.store.get(&StorePath::from(key)).await?.bytes().await?)
    }

    /// Removes a file's bytes (and thumbnail); gone already is fine.
    pub async fn delete(&self, object_key: &str, thumb_key: Option<&str>) -> anyhow::Result<()> {
        for key in [Some(object_key), thumb_key].into_iter().flatten() {
            match self.store.delete(&StorePath::from(key)).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = DynamicImage::new_rgb8(width, height);
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_file_is_judged_by_its_content_not_its_name() {
        assert_eq!(
            prepare("map.png", b"#!/bin/sh\necho hello").err(),
            Some(Refusal::Type)
        );
        assert_eq!(
            prepare("notes.pdf", b"<html><script>x</script>").err(),
            Some(Refusal::Type)
        );
        let ok = prepare("../../etc/map.jpg", &png(40, 30)).unwrap();
        assert_eq!(ok.content_type, "image/png", "a PNG, whatever its name");
        assert_eq!(ok.filename, "map.jpg");
        assert_eq!((ok.width, ok.height), (Some(40), Some(30)));
        let pdf = prepare("plan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").unwrap();
        assert_eq!(pdf.content_type, "application/pdf");
    }

    /// A JPEG carrying an Exif block with a location comes back without it.
    #[test]
    fn metadata_is_stripped() {
        let mut out = Cursor::new(Vec::new());
        DynamicImage::new_rgb8(64, 48)
            .write_to(&mut out, ImageFormat::Jpeg)
            .unwrap();
        let plain = out.into_inner();
        let payload =
            b"Exif\0\0GPSLatitude 52.4153N GPSLongitude 4.0829W <script>alert(1)</script>";
        let len = (payload.len() + 2) as u16;
        let mut tagged = vec![0xFF, 0xD8, 0xFF, 0xE1];
        tagged.extend_from_slice(&len.to_be_bytes());
        tagged.extend_from_slice(payload);
        tagged.extend_from_slice(&plain[2..]);
        let ok = prepare("shop floor.jpg", &tagged).unwrap();
        let has = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
        assert!(has(&tagged, b"GPSLatitude"));
        for bytes in [&ok.bytes, ok.thumb.as_ref().unwrap()] {
            assert!(!has(bytes, b"Exif") && !has(bytes, b"GPSLatitude") && !has(bytes, b"script"));
        }
        assert_eq!(ok.content_type, "image/jpeg");
    }

    #[test]
    fn large_images_are_scaled_and_oversized_files_refused() {
        let big = prepare("wide.png", &png(3200, 800)).unwrap();
        assert_eq!((big.width, big.height), (Some(1600), Some(400)));
        assert!(big.thumb.is_some());
        let huge = vec![0u8; MAX_FILE + 1];
        assert_eq!(prepare("x.pdf", &huge).err(), Some(Refusal::TooLarge));
        let mut broken = png(10, 10);
        broken.truncate(40);
        assert_eq!(prepare("x.png", &broken).err(), Some(Refusal::Unreadable));
    }

    /// A PNG of 12,000 × 12,000 black pixels: well under a megabyte that
    /// would be 432 MB decoded. Written row by row, never held whole.
    pub(crate) fn vast_png() -> Vec<u8> {
        let side = 12_000u32;
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, side, side);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            encoder.set_compression(png::Compression::Balanced);
            let mut writer = encoder.write_header().unwrap();
            let mut stream = writer.stream_writer().unwrap();
            let row = vec![0u8; side as usize * 3];
            for _ in 0..side {
                std::io::Write::write_all(&mut stream, &row).unwrap();
            }
            stream.finish().unwrap();
        }
        out
    }

    #[test]
    fn images_beyond_the_pixel_budget_are_refused_before_decoding() {
        let vast = vast_png();
        assert!(vast.len() < MAX_FILE);
        assert_eq!(
            prepare("vast.png", &vast).err(),
            Some(Refusal::TooManyPixels)
        );
        // Just within the budget is prepared as any other.
        let ok = prepare("wide.png", &png(8000, 5000)).unwrap();
        assert_eq!((ok.width, ok.height), (Some(1600), Some(1000)));
        assert_eq!(
            prepare("tall.png", &png(8000, 5001)).err(),
            Some(Refusal::TooManyPixels)
        );
    }
}
