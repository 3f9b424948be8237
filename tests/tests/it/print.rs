//! The print handout: a result list or a detail page on at most two A4 pages, with a QR code.

use crate::support::webdriver::Browser;
use crate::support::{Backend, TestApp};

/// Pages in a PDF: Chromium writes one `/Type /Page` object per page.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_qr_code_points_to_the_page_on_this_site() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (status, svg) = app.get("/qr.svg?pad=%2Faanbod%2F123").await;

    assert_eq!(status, 200);
    assert!(svg.contains("<svg") && svg.contains("<path"), "{svg}");
    let (status, body) = app.get("/qr.svg?pad=https%3A%2F%2Fevil.example").await;
    assert_eq!(status, 400);
    assert!(body.contains("geen pagina van deze site"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_carries_a_qr_code_to_itself_for_paper() {
    let app = TestApp::demo(Backend::Sqlite).await;

    let (_, html) = app.get("/?q=voetbal&waar=3454").await;

    assert!(
        html.contains(r#"src="/qr.svg?pad=%2F%3Fq%3Dvoetbal%26waar%3D3454""#),
        "the QR code of a search holds the search"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_result_list_and_a_detail_page_print_on_at_most_two_pages() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;

    browser.goto(&app.url("/?q=voetbal&waar=3454")).await;
    browser.wait_for(".offer-card").await;
    let list = browser.print_pdf().await;
    let link = browser.wait_for(".offer-card h3 a").await;
    browser.click(&link).await;
    browser.wait_for(".offer-detail").await;
    browser
        .wait_until("return [...document.images].every(function (i) { return i.complete; });")
        .await;
    let detail = browser.print_pdf().await;

    let dir = crate::support::artifacts_dir();
    std::fs::write(dir.join("handout-results.pdf"), &list).unwrap();
    std::fs::write(dir.join("handout-detail.pdf"), &detail).unwrap();
    assert!(
        (1..=2).contains(&pdf_pages(&list)),
        "results: {} pages",
        pdf_pages(&list)
    );
    assert!(
        (1..=2).contains(&pdf_pages(&detail)),
        "detail: {} pages",
        pdf_pages(&detail)
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_place_prints_its_week_on_one_a4_for_the_notice_board() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let browser = Browser::start(true).await;
    let place = crate::support::fixtures::club_location();

    browser.goto(&app.url(&format!("/locatie/{place}"))).await;
    browser.wait_for(".week").await;
    browser
        .wait_until("return [...document.images].every(function (i) { return i.complete; });")
        .await;
    let pdf = browser.print_pdf().await;

    std::fs::write(
        crate::support::artifacts_dir().join("notice-board.pdf"),
        &pdf,
    )
    .unwrap();
    assert_eq!(pdf_pages(&pdf), 1, "one A4");
    browser.close().await;
}
