//! Photos that people upload (one per coalition note): checked, turned upright, made smaller and
//! re-encoded, so that only pixels survive — no place, camera or owner from the original's
//! metadata — and nothing large is stored or served.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::{Error, Result};

/// The largest upload we read (a phone photo is 2–6 MB; 48-megapixel JPEGs reach 15).
pub const MAX_UPLOAD_BYTES: usize = 16 * 1024 * 1024;
/// The longest side of a stored photo, in pixels.
pub const MAX_SIDE: u32 = 1200;
/// The most pixels in each direction of an upload we decode: a small file can claim to be huge
/// (a "decompression bomb"); the limit keeps decoding within [`MAX_DECODE_BYTES`].
const MAX_DECODE_SIDE: u32 = 10_000;
/// The most memory one decode may take (a 48-megapixel photo decodes to 144 MB).
const MAX_DECODE_BYTES: u64 = 320 * 1024 * 1024;
/// The longest description ("wat staat er op de foto").
pub const MAX_ALT_CHARS: usize = 200;
/// JPEG quality of stored photos.
const QUALITY: u8 = 82;

/// A photo ready to store: a JPEG without metadata, at most [`MAX_SIDE`] on its longest side.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The JPEG bytes.
    pub jpeg: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Stable codes of the ways a photo is refused (the page says them in words).
pub mod refusal {
    /// More than [`super::MAX_UPLOAD_BYTES`].
    pub const TOO_BIG: &str = "photo_too_big";
    /// Not a JPEG or PNG we can read, or too many pixels.
    pub const NOT_AN_IMAGE: &str = "photo_not_an_image";
    /// No description, or a very long one.
    pub const DESCRIPTION: &str = "photo_description";
}

/// The refusal for an upload over [`MAX_UPLOAD_BYTES`].
pub fn too_big() -> Error {
    Error::Refused(
        refusal::TOO_BIG,
        "Deze foto is te groot. Kies een foto kleiner dan 16 MB.".into(),
    )
}

fn not_an_image() -> Error {
    Error::Refused(
        refusal::NOT_AN_IMAGE,
        "Dit is geen foto die we kunnen lezen. Kies een JPEG- of PNG-foto.".into(),
    )
}

/// Checks the description of a photo: required (for people who cannot see it), and short.
pub fn check_alt(alt: &str) -> Result<String> {
    let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
    if alt.is_empty() || alt.chars().count() > MAX_ALT_CHARS {
        return Err(Error::Refused(
            refusal::DESCRIPTION,
            "Schrijf in een korte zin wat er op de foto staat.".into(),
        ));
    }
    Ok(alt)
}

/// Reads an uploaded JPEG or PNG and returns it upright, at most [`MAX_SIDE`] pixels, as a JPEG
/// without metadata. CPU-bound: call it off the async runtime.
pub fn prepare(bytes: &[u8]) -> Result<Prepared> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(too_big());
    }
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| not_an_image())?;
    // Only what phones and cameras make; other formats are not compiled in either.
    if !matches!(reader.format(), Some(ImageFormat::Jpeg | ImageFormat::Png)) {
        return Err(not_an_image());
    }
    let mut decoder = reader.into_decoder().map_err(|_| not_an_image())?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODE_SIDE);
    limits.max_image_height = Some(MAX_DECODE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    decoder.set_limits(limits).map_err(|_| not_an_image())?;
    // Phones store "turn me" in the metadata we drop, so apply it to the pixels first.
    let orientation = decoder.orientation().map_err(|_| not_an_image())?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| not_an_image())?;
    picture.apply_orientation(orientation);
    let picture = if picture.width().max(picture.height()) > MAX_SIDE {
        picture.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle)
    } else {
        picture
    };
    // JPEG has no transparency: flatten to RGB.
    let rgb = picture.to_rgb8();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
        .encode_image(&rgb)
        .map_err(|error| {
            tracing::warn!(%error, "photo could not be encoded");
            Error::Invalid("Deze foto konden we niet bewaren. Probeer een andere foto.".into())
        })?;
    Ok(Prepared {
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgb, RgbImage};

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let picture = RgbImage::from_fn(width, height, |x, _| Rgb([(x % 256) as u8, 90, 160]));
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut out)
            .encode_image(&picture)
            .unwrap();
        out
    }

    /// Puts an EXIF block (with a marker standing in for a GPS position) right after the JPEG's
    /// start, as a phone does.
    fn with_exif(jpeg: &[u8], marker: &[u8]) -> Vec<u8> {
        let mut payload = b"Exif\0\0".to_vec();
        payload.extend_from_slice(marker);
        let length = (payload.len() + 2) as u16;
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(&payload);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn a_large_photo_is_made_smaller_and_loses_its_metadata() {
        let original = with_exif(&jpeg(2400, 1600), b"GPS 52.0907N 5.1214E Geheime Straat 1");
        assert!(original.windows(6).any(|w| w == b"Geheim"));
        let prepared = prepare(&original).unwrap();
        assert_eq!((prepared.width, prepared.height), (1200, 800));
        assert!(!prepared.jpeg.windows(6).any(|w| w == b"Geheim"));
        assert!(!prepared.jpeg.windows(4).any(|w| w == b"Exif"));
        let back = image::load_from_memory(&prepared.jpeg).unwrap();
        assert_eq!((back.width(), back.height()), (1200, 800));
    }

    #[test]
    fn a_small_png_keeps_its_size_and_becomes_a_jpeg() {
        let picture = image::RgbaImage::from_pixel(300, 200, image::Rgba([10, 200, 30, 128]));
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(picture.as_raw(), 300, 200, image::ExtendedColorType::Rgba8)
            .unwrap();
        let prepared = prepare(&png).unwrap();
        assert_eq!((prepared.width, prepared.height), (300, 200));
        assert_eq!(&prepared.jpeg[..2], &[0xFF, 0xD8]);
    }

    #[test]
    fn text_and_formats_we_do_not_read_are_refused_as_not_an_image() {
        for bytes in [
            b"dit is geen foto".to_vec(),
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
            jpeg(40, 40)[..60].to_vec(),
        ] {
            match prepare(&bytes) {
                Err(Error::Refused(code, message)) => {
                    assert_eq!(code, refusal::NOT_AN_IMAGE);
                    assert!(message.contains("JPEG"), "{message}");
                }
                other => panic!("expected a refusal, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_png_that_claims_enormous_dimensions_is_refused_before_decoding() {
        // A valid PNG header saying 60,000 × 60,000 pixels (10 GB decoded).
        let picture = image::GrayImage::from_pixel(4, 4, image::Luma([0]));
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(picture.as_raw(), 4, 4, image::ExtendedColorType::L8)
            .unwrap();
        // IHDR's width and height are bytes 16..24, its checksum (over 12..29) at 29..33.
        png[16..20].copy_from_slice(&60_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&60_000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        assert!(
            matches!(prepare(&png), Err(Error::Refused(code, _)) if code == refusal::NOT_AN_IMAGE)
        );
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn an_upload_over_the_cap_is_too_big() {
        let bytes = vec![0u8; MAX_UPLOAD_BYTES + 1];
        assert!(
            matches!(prepare(&bytes), Err(Error::Refused(code, _)) if code == refusal::TOO_BIG)
        );
    }

    #[test]
    fn a_description_is_required_and_short() {
        assert!(check_alt("   ").is_err());
        assert!(check_alt(&"a".repeat(MAX_ALT_CHARS + 1)).is_err());
        assert_eq!(
            check_alt(" Tien  kinderen\nop het veld ").unwrap(),
            "Tien kinderen op het veld"
        );
    }
}
