//! Reading HSDS services as a stream, so that a register of a million offers imports in bounded
//! memory: a JSON array is read element by element, JSON lines (or concatenated objects) value
//! by value; an API page (`{"contents": [...]}`) and a CSV datapackage are read whole, within
//! caps. A reader thread parses ahead by at most [`AHEAD`] batches while the importer saves.

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::de::{DeserializeSeed, Error as _, SeqAccess, Visitor};
use serde_json::Value;
use tokio::sync::mpsc;

/// Largest single record (or API page, or line) we read: a service of 16 MB is a mistake or an
/// attack, and a parsed value takes several times its size in memory.
pub const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;
/// Largest CSV datapackage (all files together): its tables are joined in memory.
pub const MAX_DATAPACKAGE_BYTES: u64 = 512 * 1024 * 1024;
/// Batches parsed ahead of the one being saved.
const AHEAD: usize = 2;

/// How far reading has come, in the unit the source is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Bytes of a file (JSON): the position is how many were parsed.
    Bytes,
    /// Records (a datapackage, read whole before the first batch).
    Records,
}

/// Services of one source, in batches, in file order.
pub struct ServiceStream {
    batches: mpsc::Receiver<anyhow::Result<Vec<Value>>>,
    position: Arc<AtomicU64>,
    total: u64,
    unit: Unit,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl fmt::Debug for ServiceStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceStream")
            .field("position", &self.position())
            .field("total", &self.total)
            .field("unit", &self.unit)
            .finish()
    }
}

impl ServiceStream {
    /// Opens a JSON file (array, JSON lines, one service, or an API page) or a directory with
    /// a tabular datapackage, and starts reading it in batches of `batch` services.
    pub fn open(path: &Path, batch: usize) -> anyhow::Result<ServiceStream> {
        let batch = batch.max(1);
        let (send, batches) = mpsc::channel(AHEAD);
        let position = Arc::new(AtomicU64::new(0));
        if path.is_dir() {
            let size = datapackage_size(path)?;
            anyhow::ensure!(
                size <= MAX_DATAPACKAGE_BYTES,
                "de CSV-bestanden in {} zijn samen groter dan 512 MB; lever een JSON-bestand \
                 (JSON lines) aan of splits de gegevens",
                path.display()
            );
            let services = super::tabular::read_datapackage(path)?;
            let total = services.len() as u64;
            let at = position.clone();
            let reader = std::thread::spawn(move || {
                let mut services = services.into_iter().peekable();
                while services.peek().is_some() {
                    let chunk: Vec<Value> = services.by_ref().take(batch).collect();
                    at.fetch_add(chunk.len() as u64, Ordering::Relaxed);
                    if send.blocking_send(Ok(chunk)).is_err() {
                        return;
                    }
                }
            });
            return Ok(ServiceStream {
                batches,
                position,
                total,
                unit: Unit::Records,
                reader: Some(reader),
            });
        }
        let file = File::open(path).with_context_path(path)?;
        let total = file.metadata().with_context_path(path)?.len();
        let marks = Marks {
            position: position.clone(),
            record_start: Arc::new(AtomicU64::new(0)),
        };
        let counted = BufReader::with_capacity(
            256 * 1024,
            Counted {
                file,
                marks: marks.clone(),
            },
        );
        let name = path.to_path_buf();
        let reader = std::thread::spawn(move || {
            let mut out = Batcher {
                sink: Box::new(|full| send.blocking_send(Ok(full)).map_err(drop)),
                batch,
                pending: Vec::with_capacity(batch),
                marks,
            };
            let result = read_json(counted, &mut out, &name);
            // What was read before an error is still saved; then the error ends the import.
            out.flush();
            drop(out);
            if let Err(Stop::Failed(error)) = result {
                let _ = send.blocking_send(Err(error));
            }
            // Stop::Hungup: the importer stopped on an error of its own and reports that.
        });
        Ok(ServiceStream {
            batches,
            position,
            total,
            unit: Unit::Bytes,
            reader: Some(reader),
        })
    }

    /// The next batch; None at the end. An error ends the stream.
    pub async fn next_batch(&mut self) -> Option<anyhow::Result<Vec<Value>>> {
        let next = self.batches.recv().await;
        if next.is_none() {
            if let Some(reader) = self.reader.take() {
                // The thread only ends by returning; a panic in it is a bug worth showing.
                if reader.join().is_err() {
                    return Some(Err(anyhow::anyhow!("the reader thread panicked")));
                }
            }
        }
        next
    }

    /// How far reading has come, of [`ServiceStream::total`].
    pub fn position(&self) -> u64 {
        self.position.load(Ordering::Relaxed)
    }

    /// The size of the source: bytes of a file, or records of a datapackage.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// What position and total count.
    pub fn unit(&self) -> Unit {
        self.unit
    }
}

/// Reads every service of `path` into memory: for small files and tests; imports stream.
/// Synchronous and without a thread, so it may be called from async code too.
pub fn read_all(path: &Path) -> anyhow::Result<Vec<Value>> {
    if path.is_dir() {
        return super::tabular::read_datapackage(path);
    }
    let file = File::open(path).with_context_path(path)?;
    let marks = Marks {
        position: Arc::new(AtomicU64::new(0)),
        record_start: Arc::new(AtomicU64::new(0)),
    };
    let reader = BufReader::new(Counted {
        file,
        marks: marks.clone(),
    });
    let mut all = Vec::new();
    let mut out = Batcher {
        sink: Box::new(|batch| {
            all.extend(batch);
            Ok(())
        }),
        batch: 1000,
        pending: Vec::new(),
        marks,
    };
    // Collecting never hangs up, so the only stop is a failure.
    if let Err(Stop::Failed(error)) = read_json(reader, &mut out, path) {
        return Err(error);
    }
    out.flush();
    drop(out);
    Ok(all)
}

fn datapackage_size(dir: &Path) -> anyhow::Result<u64> {
    let mut size = 0;
    for entry in std::fs::read_dir(dir).with_context_path(dir)? {
        let entry = entry.with_context_path(dir)?;
        if entry.path().extension().is_some_and(|e| e == "csv") {
            size += entry.metadata().with_context_path(&entry.path())?.len();
        }
    }
    Ok(size)
}

trait PathContext<T> {
    fn with_context_path(self, path: &Path) -> anyhow::Result<T>;
}

impl<T> PathContext<T> for std::io::Result<T> {
    fn with_context_path(self, path: &Path) -> anyhow::Result<T> {
        self.map_err(|e| anyhow::anyhow!("kan {} niet lezen: {e}", path.display()))
    }
}

/// Why reading stopped early.
enum Stop {
    /// The importer is gone (it failed, or was stopped): nothing to report.
    Hungup,
    Failed(anyhow::Error),
}

/// Collects services into batches and hands them to the importer, waiting while it is
/// [`AHEAD`] batches behind: that wait is what bounds the memory.
struct Batcher<'a> {
    /// Takes a full batch; an error means the importer is gone.
    sink: Box<dyn FnMut(Vec<Value>) -> Result<(), ()> + 'a>,
    batch: usize,
    pending: Vec<Value>,
    marks: Marks,
}

impl Batcher<'_> {
    fn push(&mut self, service: Value) -> Result<(), Stop> {
        self.marks.mark();
        self.pending.push(service);
        if self.pending.len() >= self.batch {
            let full = std::mem::replace(&mut self.pending, Vec::with_capacity(self.batch));
            (self.sink)(full).map_err(|()| Stop::Hungup)?;
        }
        Ok(())
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let _ = (self.sink)(std::mem::take(&mut self.pending));
        }
    }
}

/// The file under the parser's buffer: counts the bytes read (the progress, at the buffer's
/// granularity) and refuses to read more than [`MAX_RECORD_BYTES`] (plus one buffer) since the
/// current record started, so one endless record cannot take the memory.
struct Counted {
    file: File,
    marks: Marks,
}

/// Where reading is and where the current record started.
#[derive(Clone)]
struct Marks {
    position: Arc<AtomicU64>,
    record_start: Arc<AtomicU64>,
}

impl Marks {
    /// A new record starts here.
    fn mark(&self) {
        self.record_start
            .store(self.position.load(Ordering::Relaxed), Ordering::Relaxed);
    }
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let here = self.marks.position.load(Ordering::Relaxed);
        if here - self.marks.record_start.load(Ordering::Relaxed) > MAX_RECORD_BYTES {
            return Err(std::io::Error::other(TooLarge));
        }
        let n = self.file.read(buf)?;
        self.marks.position.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The first byte that is not white space (a byte-order mark counts as white space), left
/// unread.
fn first_byte(reader: &mut impl BufRead) -> std::io::Result<Option<u8>> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(None);
        }
        match buf
            .iter()
            .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF))
        {
            Some(at) => {
                let byte = buf[at];
                reader.consume(at);
                return Ok(Some(byte));
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

#[derive(Debug)]
struct TooLarge;

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("record too large")
    }
}

impl std::error::Error for TooLarge {}

fn read_json(
    mut reader: BufReader<Counted>,
    out: &mut Batcher<'_>,
    name: &Path,
) -> Result<(), Stop> {
    let failed = |e: serde_json::Error| Stop::Failed(json_error(name, &e));
    let first = first_byte(&mut reader)
        .map_err(|e| Stop::Failed(anyhow::anyhow!("kan {} niet lezen: {e}", name.display())))?;
    match first {
        None => Err(Stop::Failed(anyhow::anyhow!(
            "{} is leeg: er staan geen HSDS-services in",
            name.display()
        ))),
        Some(b'[') => {
            let mut de = serde_json::Deserializer::from_reader(reader);
            let mut hungup = false;
            let each = Each {
                out,
                hungup: &mut hungup,
            };
            match each.deserialize(&mut de) {
                Ok(()) => de.end().map_err(failed),
                Err(_) if hungup => Err(Stop::Hungup),
                Err(e) => Err(failed(e)),
            }
        }
        Some(_) => {
            // JSON lines, concatenated objects, one service or one API page: value by value.
            for value in serde_json::Deserializer::from_reader(reader).into_iter::<Value>() {
                match value.map_err(failed)? {
                    Value::Object(mut page)
                        if page.get("contents").is_some_and(Value::is_array) =>
                    {
                        if let Some(Value::Array(items)) = page.remove("contents") {
                            for item in items {
                                out.push(item)?;
                            }
                        }
                    }
                    value @ Value::Object(_) => out.push(value)?,
                    _ => {
                        return Err(Stop::Failed(anyhow::anyhow!(
                            "{} bevat geen lijst van HSDS-services",
                            name.display()
                        )))
                    }
                }
            }
            Ok(())
        }
    }
}

/// Hands every element of a JSON array to the batcher as it is parsed.
struct Each<'a, 'b> {
    out: &'a mut Batcher<'b>,
    hungup: &'a mut bool,
}

impl<'de> DeserializeSeed<'de> for Each<'_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Each<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of HSDS services")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(service) = seq.next_element::<Value>()? {
            if self.out.push(service).is_err() {
                *self.hungup = true;
                return Err(A::Error::custom("the import stopped"));
            }
        }
        Ok(())
    }
}

fn json_error(name: &Path, e: &serde_json::Error) -> anyhow::Error {
    let too_large = e
        .io_error_kind()
        .is_some_and(|_| e.to_string().contains("record too large"));
    if e.is_io() && !too_large {
        return anyhow::anyhow!("kan {} niet lezen: {e}", name.display());
    }
    if too_large {
        return anyhow::anyhow!(
            "{} bevat een service (of pagina) groter dan 16 MB rond regel {}; zo'n groot record \
             lezen we niet",
            name.display(),
            e.line()
        );
    }
    // serde's own words are English and name its grammar; say in Dutch what kind of fault
    // it is and where, which is what someone fixing the file needs.
    let what = match e.classify() {
        serde_json::error::Category::Eof => "het bestand houdt midden in een record op",
        serde_json::error::Category::Data => "een waarde heeft niet de vorm die HSDS vraagt",
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            "daar staat iets dat geen JSON is, of er ontbreekt een komma of haakje"
        }
    };
    anyhow::anyhow!(
        "{} is geen geldige JSON (regel {}, kolom {}): {what}",
        name.display(),
        e.line(),
        e.column()
    )
}
