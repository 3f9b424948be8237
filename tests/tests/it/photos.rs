//! One photo per "tellen en vertellen" note: stored small and without metadata, refused in
//! Dutch when it is too big or not a photo, changed only by the coalition's partners.

use app::coalitions::NoteView;
use app::service::coalitions;
use app::Error;
use image::{ImageEncoder, Rgb, RgbImage};

use crate::support::fixtures::{club, club_coalition, other_org};
use crate::support::{actor, login_as, on_both_backends, page, post_multipart, Backend, TestApp};
use app::auth::Role;

/// The place a phone writes into a photo's metadata; it must never be served.
const SECRET: &[u8] = b"GPS 52.0907N 5.1214E Kerkstraat 12";

/// A camera photo: a JPEG of `width` × `height` with an EXIF block holding [`SECRET`].
fn camera_photo(width: u32, height: u32) -> Vec<u8> {
    let picture = RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x % 251) as u8, (y % 241) as u8, 120])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .write_image(
            picture.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend_from_slice(SECRET);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&exif);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

async fn a_note(app: &TestApp, coalition: uuid::Uuid) -> uuid::Uuid {
    let note = NoteView {
        label: "kinderen van de wachtlijst".into(),
        number: Some(8),
        ..Default::default()
    };
    app::db::add_coalition_note(&app.state.db, coalition, &note)
        .await
        .unwrap()
}

on_both_backends! {
    async fn a_partner_gives_a_note_one_photo_that_is_stored_small_and_without_its_metadata(backend) {
        let app = TestApp::demo(backend).await;
        let state = &app.state;
        let coalition = club_coalition(&app, Vec::new()).await;
        let elsewhere = club_coalition(&app, Vec::new()).await;
        let note = a_note(&app, coalition).await;
        let partner = actor(&app, Role::Provider, None, &[club()]).await;
        let outsider = actor(&app, Role::Provider, None, &[other_org()]).await;
        let original = camera_photo(2400, 1800);
        assert!(contains(&original, SECRET));

        coalitions::set_note_photo(state, &partner, coalition, note, "Acht kinderen op het veld", original.clone())
            .await
            .unwrap();
        let shown = coalitions::get(state, coalition).await.unwrap();
        let photo = shown.notes[0].photo.clone().expect("the note has its photo");
        assert_eq!((photo.alt.as_str(), photo.width, photo.height), ("Acht kinderen op het veld", 1200, 900));
        let stored = coalitions::note_photo(state, coalition, note).await.unwrap();
        assert!(!contains(&stored, SECRET) && !contains(&stored, b"Exif"), "no metadata survives");
        assert!(stored.len() < original.len());
        let back = image::load_from_memory(&stored).unwrap();
        assert_eq!((back.width(), back.height()), (1200, 900));

        // One photo per note: a second one replaces the first.
        coalitions::set_note_photo(state, &partner, coalition, note, "Het team met de trainers", camera_photo(800, 1000))
            .await
            .unwrap();
        let photo = coalitions::get(state, coalition).await.unwrap().notes[0].photo.clone().unwrap();
        assert_eq!((photo.alt.as_str(), photo.width, photo.height), ("Het team met de trainers", 800, 1000));

        assert!(matches!(
            coalitions::set_note_photo(state, &outsider, coalition, note, "x", camera_photo(10, 10)).await,
            Err(Error::Forbidden)
        ), "only partners change it");
        assert!(matches!(
            coalitions::set_note_photo(state, &partner, elsewhere, note, "x", camera_photo(10, 10)).await,
            Err(Error::NotFound)
        ), "a note belongs to one coalition");
        assert!(matches!(coalitions::note_photo(state, elsewhere, note).await, Err(Error::NotFound)));
        for (alt, upload, code) in [
            ("Een brief", b"%PDF-1.7 geen foto".to_vec(), app::photo::refusal::NOT_AN_IMAGE),
            ("", camera_photo(10, 10), app::photo::refusal::DESCRIPTION),
        ] {
            match coalitions::set_note_photo(state, &partner, coalition, note, alt, upload).await {
                Err(Error::Refused(refused, message)) => {
                    assert_eq!(refused, code);
                    assert!(!message.is_empty());
                }
                other => panic!("expected a refusal, got {other:?}"),
            }
        }

        coalitions::remove_note_photo(state, &partner, coalition, note).await.unwrap();
        assert!(coalitions::get(state, coalition).await.unwrap().notes[0].photo.is_none());
        assert!(matches!(coalitions::note_photo(state, coalition, note).await, Err(Error::NotFound)));
        assert!(matches!(
            coalitions::remove_note_photo(state, &partner, coalition, note).await,
            Err(Error::NotFound)
        ));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_photo_form_works_without_javascript_and_refuses_big_or_unreadable_files_in_dutch() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let coalition = club_coalition(&app, Vec::new()).await;
    let note = a_note(&app, coalition).await;
    let partner = login_as(&app, Role::Provider, None, &[club()]).await;
    let form = format!("/coalities/{coalition}/foto");
    let shown = page(&app, &format!("/coalities/{coalition}"), &partner).await;
    assert!(
        shown.contains(&format!("id=\"foto-{note}\"")),
        "each note has its photo form"
    );
    assert!(shown.contains("enctype=\"multipart/form-data\""));
    let fields = |alt: &str| {
        vec![
            ("notitie", note.to_string()),
            ("beschrijving", alt.to_string()),
        ]
    };

    let cases = [
        (
            b"dit is een tekst".to_vec(),
            "photo_not_an_image",
            "Dit is geen foto die we kunnen lezen",
        ),
        (
            vec![0xFF; app::photo::MAX_UPLOAD_BYTES + 1],
            "photo_too_big",
            "Deze foto is te groot",
        ),
    ];
    for (bytes, code, message) in cases {
        let (status, location, _) = post_multipart(
            &app,
            &form,
            &partner,
            &fields("Het veld"),
            Some(("foto", "veld.jpg", "image/jpeg", bytes)),
        )
        .await;
        assert_eq!(status, 303);
        assert!(
            location.contains(&format!("reden={code}"))
                && location.ends_with(&format!("#notitie-{note}")),
            "{location}"
        );
        let back = page(&app, &location, &partner).await;
        assert!(
            back.contains(message),
            "the Dutch message shows at the note"
        );
        assert!(back.contains(&format!("aria-describedby=\"foto-fout-{note}\"")));
    }
    // Far too big is refused on its declared length, before a byte of it is read.
    let (status, body) = declared_only(&app, &form, 3 * app::photo::MAX_UPLOAD_BYTES).await;
    assert_eq!(status, 413, "far too big is not even read");
    assert!(body.contains("Deze foto is te groot"), "{body}");

    let outsider = login_as(&app, Role::Provider, None, &[other_org()]).await;
    let photo = || Some(("foto", "veld.jpg", "image/jpeg", camera_photo(1600, 1200)));
    let (status, _, _) = post_multipart(&app, &form, &outsider, &fields("Het veld"), photo()).await;
    assert_eq!(status, 403, "only the coalition's partners");
    let stranger = crate::support::Session::anonymous();
    let (status, location, _) =
        post_multipart(&app, &form, &stranger, &fields("Het veld"), photo()).await;
    assert_eq!(
        (status, location.as_str()),
        (303, "/inloggen?fout=verlopen")
    );
    let forged = crate::support::Session {
        csrf: "b".repeat(64),
        ..login_as(&app, Role::Provider, None, &[club()]).await
    };
    let (status, _, _) = post_multipart(&app, &form, &forged, &fields("Het veld"), photo()).await;
    assert_eq!(status, 403, "a form from elsewhere");

    let (status, location, _) = post_multipart(
        &app,
        &form,
        &partner,
        &fields("Acht kinderen op het veld <script>"),
        photo(),
    )
    .await;
    assert_eq!(status, 303);
    assert!(location.contains("foto=ja"), "{location}");
    let (_, public) = app.get(&format!("/coalities/{coalition}")).await;
    let picture = format!("/coalities/{coalition}/foto/{note}.jpg");
    assert!(
        public.contains(&format!("src=\"{picture}\"")),
        "the public page shows it"
    );
    assert!(
        public.contains("alt=\"Acht kinderen op het veld &lt;script&gt;\""),
        "its description is text"
    );
    assert!(public.contains("width=\"1200\" height=\"900\""));
    let served = crate::support::client()
        .get(app.url(&picture))
        .send()
        .await
        .unwrap();
    assert_eq!(served.status().as_u16(), 200);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    let bytes = served.bytes().await.unwrap();
    assert!(
        !contains(&bytes, SECRET),
        "served without the place it was taken"
    );
    assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 1200);

    let (_, location, _) = post_multipart(
        &app,
        &form,
        &partner,
        &[("notitie", note.to_string()), ("weghalen", "ja".into())],
        None,
    )
    .await;
    assert!(location.contains("foto=weg"), "{location}");
    assert_eq!(app.get(&picture).await.0, 404);
    assert_eq!(
        app.get(&format!("/coalities/{coalition}/foto/niets.jpg"))
            .await
            .0,
        404
    );
}

/// Sends only the head of a multipart POST declaring `length` bytes; returns the status and
/// the start of the answer's body.
async fn declared_only(app: &TestApp, path: &str, length: usize) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary=x\r\n\
         Content-Length: {length}\r\nConnection: close\r\n\r\n",
        app.addr
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// Chromium adds a photo to a note, with JavaScript on and off: the plain multipart form is the
/// same in both, and the page comes back with the photo at the note.
async fn add_a_photo_in_chromium(javascript: bool) {
    use crate::support::webdriver::{log_in, Browser, PASSWORD};
    let app = TestApp::demo(Backend::Sqlite).await;
    let coalition = club_coalition(&app, Vec::new()).await;
    let note = a_note(&app, coalition).await;
    let user = app::db::create_user(
        &app.state.db,
        "club@example.org",
        "Club",
        Role::Provider,
        None,
        &app::auth::hash_password(PASSWORD),
    )
    .await
    .unwrap();
    app::db::link_user_organisation(&app.state.db, user, club())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("veld.jpg");
    std::fs::write(&file, camera_photo(1600, 1200)).unwrap();

    let browser = Browser::start(javascript).await;
    log_in(&browser, &app, "club@example.org").await;
    // As after writing the note: its photo form is open.
    let page = app.url(&format!(
        "/coalities/{coalition}?genoteerd={note}#notitie-{note}"
    ));
    if javascript {
        browser.goto_hydrated(&page).await;
    } else {
        browser.goto(&page).await;
    }
    let input = browser.wait_for(&format!("#foto-{note}")).await;
    assert!(
        browser.is_displayed(&input).await,
        "the form is open at the new note"
    );
    browser.type_text(&input, file.to_str().unwrap()).await;
    browser
        .type_text(
            &browser.wait_for(&format!("#beschrijving-{note}")).await,
            "Acht kinderen op het veld",
        )
        .await;
    browser
        .click(
            &browser
                .wait_for(&format!("#notitie-{note} .photo-form button[type=submit]"))
                .await,
        )
        .await;
    browser.wait_for("#foto-bewaard").await;
    browser
        .wait_until("const i = document.querySelector('.note-photo img'); return !!i && i.complete && i.naturalWidth === 1200;")
        .await;
    let name = if javascript { "met" } else { "zonder" };
    for (width, height) in [(390, 844), (1280, 900)] {
        browser.set_size(width, height).await;
        browser
            .screenshot(
                &crate::support::artifacts_dir()
                    .join(format!("coalition-photo-{name}-js-{width}.png")),
            )
            .await;
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_adds_a_photo_in_chromium_with_javascript() {
    add_a_photo_in_chromium(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_adds_a_photo_in_chromium_without_javascript() {
    add_a_photo_in_chromium(false).await;
}
