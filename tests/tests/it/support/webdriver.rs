//! A small W3C WebDriver client for Debian's chromium + chromedriver, enough for our browser
//! tests: open a page, find, click, type, read, run a script, wait.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
/// WebDriver key codes.
pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
const WAIT: Duration = Duration::from_secs(20);

/// A headless Chromium session, closed when dropped.
pub struct Browser {
    http: reqwest::Client,
    base: String,
    driver: Child,
    javascript: bool,
    _profile: tempfile::TempDir,
}

/// An element handle.
#[derive(Clone, Debug)]
pub struct Element(String);

impl Browser {
    /// Starts chromedriver and a headless Chromium, with or without JavaScript.
    pub async fn start(javascript: bool) -> Browser {
        let port = free_port();
        let driver =
            Command::new(std::env::var("SK_CHROMEDRIVER").unwrap_or("chromedriver".into()))
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect(
                    "chromedriver runs (Debian package chromium-driver; `./sk test` installs it)",
                );
        let http = reqwest::Client::new();
        let driver_url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while http
            .get(format!("{driver_url}/status"))
            .send()
            .await
            .is_err()
        {
            assert!(started.elapsed() < WAIT, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().expect("profile dir");
        let mut prefs = json!({});
        if !javascript {
            prefs = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": std::env::var("SK_CHROMIUM").unwrap_or("/usr/bin/chromium".into()),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "prefs": prefs,
            }
        }}});
        let response: Value = http
            .post(format!("{driver_url}/session"))
            .json(&capabilities)
            .send()
            .await
            .expect("new session")
            .json()
            .await
            .expect("session json");
        let session = response["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {response}"))
            .to_string();
        Browser {
            javascript,
            http,
            base: format!("{driver_url}/session/{session}"),
            driver,
            _profile: profile,
        }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .timeout(Duration::from_secs(60));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response: Value = request
            .send()
            .await
            .expect("webdriver call")
            .json()
            .await
            .expect("json");
        response["value"].clone()
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.call(reqwest::Method::POST, path, Some(body)).await
    }

    /// Opens a URL and waits for the page load.
    pub async fn goto(&self, url: &str) {
        self.post("/url", json!({ "url": url })).await;
    }

    /// Opens a URL and waits until the page is hydrated (interactive).
    pub async fn goto_hydrated(&self, url: &str) {
        self.goto(url).await;
        // Without JavaScript there is nothing to wait for: the page is as the server sent it.
        if self.javascript {
            self.wait_until("return document.body.dataset.hydrated === 'true';")
                .await;
        }
    }

    /// The current URL.
    pub async fn current_url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Finds an element by CSS selector, if it is there now.
    pub async fn find(&self, css: &str) -> Option<Element> {
        let value = self
            .post("/element", json!({ "using": "css selector", "value": css }))
            .await;
        value[ELEMENT_KEY]
            .as_str()
            .map(|id| Element(id.to_string()))
    }

    /// Waits until an element is there.
    pub async fn wait_for(&self, css: &str) -> Element {
        let started = Instant::now();
        loop {
            if let Some(e) = self.find(css).await {
                return e;
            }
            assert!(
                started.elapsed() < WAIT,
                "no element {css:?} after {WAIT:?} on {}",
                self.current_url().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until a script returns `true`.
    pub async fn wait_until(&self, script: &str) {
        let started = Instant::now();
        while self.execute(script).await != Value::Bool(true) {
            if started.elapsed() >= WAIT {
                // What the page looked like, to see why (kept with the other artifacts).
                let state = self
                    .execute(
                        "return location.href + ' | ' + document.body.innerText.slice(0, 1500);",
                    )
                    .await;
                let shot = crate::support::artifacts_dir()
                    .join(format!("timeout-{}.png", uuid::Uuid::new_v4().simple()));
                self.screenshot(&shot).await;
                panic!(
                    "{script:?} never became true; page ({}): {}",
                    shot.display(),
                    state.as_str().unwrap_or_default()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs a script (a function body; use `return`).
    pub async fn execute(&self, script: &str) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": [] }))
            .await
    }

    /// Runs an asynchronous script; it reports by calling its last argument.
    pub async fn execute_async(&self, script: &str) -> Value {
        self.post("/execute/async", json!({ "script": script, "args": [] }))
            .await
    }

    /// Sets the window size (phone or desktop width).
    pub async fn set_size(&self, width: u32, height: u32) {
        self.post("/window/rect", json!({ "width": width, "height": height }))
            .await;
    }

    /// Saves a PNG screenshot of the viewport.
    pub async fn screenshot(&self, path: &std::path::Path) {
        use base64::Engine;
        let value = self.call(reqwest::Method::GET, "/screenshot", None).await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(value.as_str().unwrap_or_default())
            .expect("png");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("artifact dir");
        }
        std::fs::write(path, png).expect("screenshot written");
    }

    /// Prints the page as the browser would on A4 (print stylesheet); returns the PDF.
    pub async fn print_pdf(&self) -> Vec<u8> {
        use base64::Engine;
        let value = self
            .post(
                "/print",
                json!({ "page": { "width": 21.0, "height": 29.7 }, "background": false }),
            )
            .await;
        base64::engine::general_purpose::STANDARD
            .decode(value.as_str().unwrap_or_default())
            .expect("pdf")
    }

    /// Presses keys on the keyboard, one after the other (WebDriver key codes, e.g. TAB).
    pub async fn press(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for key in keys {
            actions.push(json!({ "type": "keyDown", "value": key }));
            actions.push(json!({ "type": "keyUp", "value": key }));
        }
        self.post(
            "/actions",
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        )
        .await;
    }

    /// Presses TAB until the focused element matches `css`; fails after 40 presses.
    pub async fn tab_to(&self, css: &str) {
        for _ in 0..40 {
            let script = format!(
                "return !!document.activeElement && document.activeElement.matches({css:?});"
            );
            if self.execute(&script).await == Value::Bool(true) {
                return;
            }
            self.press(&[TAB]).await;
        }
        panic!("{css:?} cannot be reached with the TAB key");
    }

    /// Clicks an element.
    pub async fn click(&self, e: &Element) {
        self.post(&format!("/element/{}/click", e.0), json!({}))
            .await;
    }

    /// Types into an element.
    pub async fn type_text(&self, e: &Element, text: &str) {
        self.post(&format!("/element/{}/value", e.0), json!({ "text": text }))
            .await;
    }

    /// Visible text of an element.
    pub async fn text(&self, e: &Element) -> String {
        let path = format!("/element/{}/text", e.0);
        self.call(reqwest::Method::GET, &path, None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Whether an element is shown.
    pub async fn is_displayed(&self, e: &Element) -> bool {
        let path = format!("/element/{}/displayed", e.0);
        self.call(reqwest::Method::GET, &path, None)
            .await
            .as_bool()
            .unwrap_or(false)
    }

    /// Ends the session (Chromium exits) and stops chromedriver.
    pub async fn close(mut self) {
        self.call(reqwest::Method::DELETE, "", None).await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port()
}

/// The password of the users tests create to log in through the browser.
pub const PASSWORD: &str = "een lang wachtwoord";

/// Logs the browser in through the login form (a user with [`PASSWORD`]) and waits until it
/// has left the login page.
pub async fn log_in(browser: &Browser, app: &crate::support::TestApp, email: &str) {
    browser.goto_hydrated(&app.url("/inloggen")).await;
    browser
        .type_text(&browser.wait_for("#email").await, email)
        .await;
    browser
        .type_text(&browser.wait_for("#wachtwoord").await, PASSWORD)
        .await;
    browser
        .click(&browser.wait_for("main button[type=submit]").await)
        .await;
    browser
        .wait_until("return location.pathname !== '/inloggen';")
        .await;
}
