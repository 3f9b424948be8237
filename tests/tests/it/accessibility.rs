//! WCAG 2.1 AA with axe-core (from npm, injected into the page) on the main pages, and
//! screenshots of each page at phone and desktop width (saved under `target/test-artifacts/`).

use std::path::PathBuf;

use crate::support::webdriver::Browser;
use crate::support::{Backend, TestApp};

fn axe_source() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} (run ./sk setup)", path.display()))
}

async fn violations(browser: &Browser, axe: &str) -> Vec<String> {
    browser.execute(&format!("{axe}\nreturn true;")).await;
    let result = browser
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))
                .catch(e => done(['axe failed: ' + e]));",
        )
        .await;
    result
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_main_pages_have_no_wcag_violations_and_are_photographed_at_two_widths() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let offer = server::demo::demo_id("svc:vv-de-meern-jeugd");
    let pages = [
        ("home", "/".to_string()),
        ("results", "/?q=voetbal&waar=3454".to_string()),
        ("detail", format!("/aanbod/{offer}")),
        ("signup", format!("/aanbod/{offer}/meedoen")),
        (
            "talents",
            "/ik-kan-iets?talent=voetbal&waar=3454".to_string(),
        ),
        (
            "keukentafel",
            "/keukentafel?nodig=leren&talent=voetbal&graag=voetbal&leeftijd=19&waar=3454"
                .to_string(),
        ),
        ("chances", "/coalities/kansen".to_string()),
        ("login", "/inloggen".to_string()),
        (
            "english",
            "/taal/en?terug=%2F%3Fq%3Dvoetbal%26waar%3D3454".to_string(),
        ),
    ];
    let axe = axe_source();
    let browser = Browser::start(true).await;
    let mut found = Vec::new();
    for (name, path) in &pages {
        for (width, label) in [(390, "phone"), (1280, "desktop")] {
            browser.set_size(width, 900).await;
            browser.goto_hydrated(&app.url(path)).await;
            browser
                .screenshot(&crate::support::artifacts_dir().join(format!("{name}-{label}.png")))
                .await;
            for v in violations(&browser, &axe).await {
                found.push(format!("{name} at {label}: {v}"));
            }
        }
    }
    browser.close().await;
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
}
