//! The command line (clap). Every setting also reads an `SK_*` environment variable.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use crate::config::{Config, DatabaseUrl};

/// Sociale Kaart: find activities, help and volunteer work nearby.
#[derive(Debug, Parser)]
#[command(name = "sociale-kaart", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web app. Loads the demo data first when the database is empty.
    Serve {
        #[command(flatten)]
        common: Common,
        /// Address to listen on.
        #[arg(long, env = "SK_ADDR", default_value = "127.0.0.1:3000")]
        addr: SocketAddr,
        /// Directory with the built browser bundle (pkg/).
        #[arg(long, env = "SK_SITE_ROOT", default_value = "target/site")]
        site_root: PathBuf,
        /// Start empty instead of loading the demo data into an empty database.
        #[arg(long, env = "SK_NO_DEMO")]
        no_demo: bool,
        /// Base map tiles ({z}/{x}/{y} URL); empty for none (the wijk boundaries still show).
        #[arg(long, env = "SK_TILE_URL", default_value = crate::config::PDOK_TILES)]
        tile_url: String,
        /// Reverse proxies (CIDRs, comma-separated) whose X-Forwarded-For names the client, for
        /// rate limits; without it the TCP peer counts. Example: 10.0.0.0/8,127.0.0.1
        #[arg(long, env = "SK_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_cidr)]
        trusted_proxies: Vec<app::Cidr>,
        /// A Dutch word list, one word per line, for reading compounds in searches ("taalhulp"
        /// as "taal" + "hulp"); Debian's wdutch installs one. Empty for none.
        #[arg(long, env = "SK_WORDLIST", default_value = index::DEFAULT_WORDLIST)]
        wordlist: PathBuf,
    },
    /// Load the demo data of gemeente Utrecht (idempotent) and update the search index.
    Demo {
        #[command(flatten)]
        common: Common,
        /// Instead: N made-up offers over the whole country, spread by where people live, for
        /// benchmarks and load tests. Every name ends in "(testdata)"; the same N gives the
        /// same offers, so a run that stopped is simply run again. Needs Debian's wdutch.
        #[arg(long, value_name = "N")]
        synthetic: Option<usize>,
        /// With --synthetic: write the offers to this file as an HSDS register (one service
        /// per line, JSON lines) instead of saving them, for import benchmarks.
        #[arg(long, value_name = "FILE", requires = "synthetic")]
        write_hsds: Option<PathBuf>,
    },
    /// Rebuild the search index from the database.
    Reindex {
        #[command(flatten)]
        common: Common,
    },
    /// Import open data.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export everything public as open data.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Accounts for providers, professionals, coordinators and admins.
    #[command(subcommand)]
    User(UserCommand),
    /// Wijkteams: teams of professionals per gemeente; a traject belongs to its team.
    #[command(subcommand)]
    Team(TeamCommand),
}

#[derive(Debug, Subcommand)]
enum TeamCommand {
    /// Make a team (buurtteam, gebiedsteam or sociaal-team) in a gemeente.
    Add {
        /// CBS code of the gemeente (GM0344 for Utrecht).
        #[arg(long)]
        gemeente: String,
        /// The name residents know ("Buurtteam Vleuten-De Meern").
        #[arg(long)]
        name: String,
        /// buurtteam, gebiedsteam or sociaal-team.
        #[arg(long, default_value = "buurtteam")]
        kind: String,
        /// The team's phone number, printed on handouts.
        #[arg(long, default_value = "")]
        phone: String,
        /// The team's e-mail address.
        #[arg(long, default_value = "")]
        email: String,
        #[command(flatten)]
        common: Common,
    },
    /// Put a professional in a team (out of another one); --lead makes them a team lead, who
    /// reassigns trajecten and picks them up from the team's queue.
    Member {
        /// CBS code of the team's gemeente.
        #[arg(long)]
        gemeente: String,
        /// The team's name.
        #[arg(long)]
        team: String,
        /// E-mail address of the professional's account.
        #[arg(long)]
        email: String,
        #[arg(long)]
        lead: bool,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create an account. With --password-stdin the password is read from standard input;
    /// otherwise an invitation link (valid 7 days) is printed to choose one.
    Add {
        /// E-mail address (the login name).
        #[arg(long)]
        email: String,
        /// provider, professional, coordinator or admin.
        #[arg(long)]
        role: String,
        /// Name shown in the audit log.
        #[arg(long, default_value = "")]
        name: String,
        /// CBS code of the gemeente a coordinator looks after (GM0344 for Utrecht).
        #[arg(long)]
        gemeente: Option<String>,
        /// Organisation ids a provider manages (repeatable).
        #[arg(long = "organisation")]
        organisations: Vec<uuid::Uuid>,
        /// Read the password from standard input.
        #[arg(long)]
        password_stdin: bool,
        /// Address of the site, for the invitation link.
        #[arg(long, default_value = "http://127.0.0.1:3000")]
        base_url: String,
        #[command(flatten)]
        common: Common,
    },
    /// Switch an account off at once: no login, no session, no API token; the trajecten it
    /// held go to its team's queue.
    Disable {
        /// E-mail address of the account.
        #[arg(long)]
        email: String,
        #[command(flatten)]
        common: Common,
    },
    /// Make a personal API token for an account (as `/beheer/sleutels` does) and print it once;
    /// the JSON API then acts as that account: `Authorization: Bearer sk_...`.
    Token {
        /// E-mail address of the account.
        #[arg(long)]
        email: String,
        /// What the token is for ("planning-script").
        #[arg(long)]
        name: String,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// Open Referral HSDS 3.0: a JSON file with an array of services (compiled shape) or one
    /// service per line (JSON lines), or a directory with a tabular datapackage (CSV files).
    /// JSON is read as a stream, so a file of any size imports in bounded memory. Every record
    /// is validated against the HSDS schema; invalid records are reported and skipped. Records
    /// are saved in batches of one transaction each with how far the import got: run an
    /// interrupted import again and it goes on after the last saved batch; importing twice
    /// updates instead of duplicating. A running server picks the changes up within a second.
    Hsds {
        /// The JSON file or datapackage directory.
        path: PathBuf,
        /// A JSON file with taxonomy and/or taxonomy_term objects to import first.
        #[arg(long)]
        taxonomy: Option<PathBuf>,
        /// Record the import as a check of every offer on this day (YYYY-MM-DD or "today"),
        /// for data the gemeente vouches for; otherwise the source's check dates count, and
        /// offers not checked for 9 months stay out of search.
        #[arg(long, value_parser = parse_day)]
        checked_on: Option<chrono::NaiveDate>,
        /// A CSV file `source_term,our_code` (e.g. `zorg.respijt,leefgebied:zorg`) that maps the
        /// register's own taxonomy terms where the automatic crosswalk cannot; edit and re-run.
        #[arg(long)]
        taxonomy_map: Option<PathBuf>,
        /// Start at the top of the file even when an earlier run of this import stopped
        /// halfway (by default it goes on after the last saved batch).
        #[arg(long)]
        from_start: bool,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Debug, Subcommand)]
enum ExportCommand {
    /// Open Referral HSDS 3.0 in both forms: services.json, organizations.json,
    /// taxonomy_terms.json and datapackage/ (CSV tables with datapackage.json).
    Hsds {
        /// Directory to write to (created when missing).
        dir: PathBuf,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Debug, Args)]
struct Common {
    /// Data directory: the SQLite database (default) and the search index.
    #[arg(long, env = "SK_DATA_DIR", default_value = "var")]
    data_dir: PathBuf,
    /// PostgreSQL URL (postgres://...); without it the SQLite file in the data directory is used.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Key that encrypts residents' personal data (64 hex characters; the same on every node).
    /// Without it a key is made once in the data directory (`sleutel.hex`).
    #[arg(long, env = "SK_DATA_KEY", hide_env_values = true)]
    data_key: Option<String>,
    /// Days the personal data of a closed referral is kept.
    #[arg(long, env = "SK_REFERRAL_RETENTION_DAYS", default_value_t = 365)]
    referral_retention_days: i64,
}

impl Common {
    fn config(&self) -> Config {
        Config {
            database_url: self.database_url.clone().map(DatabaseUrl),
            data_key: self
                .data_key
                .clone()
                .filter(|k| !k.trim().is_empty())
                .map(crate::config::DataKey),
            referral_retention_days: self.referral_retention_days,
            ..Config::with_data_dir(&self.data_dir)
        }
    }
}

impl Cli {
    /// Runs the chosen command to the end.
    pub async fn run(self) -> anyhow::Result<()> {
        match self.command {
            Command::Serve {
                common,
                addr,
                site_root,
                no_demo,
                tile_url,
                trusted_proxies,
                wordlist,
            } => {
                let config = Config {
                    addr,
                    site_root,
                    load_demo_when_empty: !no_demo,
                    tile_url: Some(tile_url).filter(|t| !t.trim().is_empty()),
                    trusted_proxies,
                    wordlist: Some(wordlist).filter(|w| !w.as_os_str().is_empty()),
                    ..common.config()
                };
                if std::env::var_os("SK_ADMIN_TOKEN").is_some() {
                    tracing::warn!(
                        "sk_admin_token is no longer used: make a personal api token on /beheer/sleutels or with `sociale-kaart user token`"
                    );
                }
                let app = crate::startup::App::build(config).await?;
                let listener = tokio::net::TcpListener::bind(addr)
                    .await
                    .with_context(|| format!("cannot listen on {addr}"))?;
                tracing::info!(%addr, "serving the sociale kaart on http://{addr}");
                crate::serve(listener, app.state, crate::shutdown_signal()).await?;
            }
            Command::Demo {
                synthetic: Some(n),
                write_hsds: Some(file),
                ..
            } => {
                let wordlist = std::path::Path::new(index::DEFAULT_WORDLIST);
                let at = file.clone();
                let written = tokio::task::spawn_blocking(move || {
                    crate::demo::synthetic::write_hsds(n, wordlist, &at)
                })
                .await??;
                println!(
                    "Synthetisch HSDS-register geschreven: {written} services (testdata) in {}.",
                    file.display()
                );
            }
            Command::Demo {
                common,
                synthetic: Some(n),
                write_hsds: None,
            } => {
                let state = crate::build_state(&common.config()).await?;
                let wordlist = std::path::Path::new(index::DEFAULT_WORDLIST);
                let saved = crate::demo::synthetic::load(&state, n, wordlist).await?;
                let documents = crate::reindex(&state).await?;
                println!(
                    "Synthetisch aanbod geladen: {saved} aanbod (testdata), {documents} in de zoekindex."
                );
            }
            Command::Demo {
                common,
                synthetic: None,
                ..
            } => {
                let config = common.config();
                let state = crate::build_state(&config).await?;
                let data = crate::demo::dataset();
                app::db::save_dataset(&state.db, &data)
                    .await
                    .context("loading demo data")?;
                crate::demo::seed_signals(&state, chrono::Utc::now().date_naive()).await?;
                crate::demo::seed_teams(&state).await?;
                crate::reindex(&state).await?;
                println!(
                    "Demodata geladen: {} aanbod, {} organisaties.",
                    data.services.len(),
                    data.organisations.len()
                );
            }
            Command::Import(ImportCommand::Hsds {
                path,
                taxonomy,
                checked_on,
                taxonomy_map,
                from_start,
                common,
            }) => {
                let state = crate::build_state(&common.config()).await?;
                let mut terms = 0;
                if let Some(file) = taxonomy {
                    let list = crate::hsds::run::read_terms(&file)?;
                    app::db::save_terms(&state.db, &list)
                        .await
                        .context("saving taxonomy terms")?;
                    terms = list.len();
                }
                let options = crate::hsds::run::ImportOptions {
                    checked_on,
                    taxonomy_map,
                    from_start,
                };
                let summary = crate::hsds::run::import_file(&state.db, &path, options).await?;
                if summary.resumed_after > 0 {
                    println!(
                        "Verder gegaan na record {}: die had een eerdere, onderbroken import van dit bestand al opgeslagen.",
                        summary.resumed_after
                    );
                }
                for p in &summary.problems {
                    eprintln!("overgeslagen: {p}");
                }
                println!(
                    "HSDS-import klaar: {} gelezen, {} aanbod en {} vrijwilligersrollen opgeslagen, {} overgeslagen, {} termen.",
                    summary.read, summary.services, summary.needs, summary.skipped(), terms
                );
                for line in summary.crosswalk.lines() {
                    println!("{line}");
                }
                println!("{}", crate::hsds::run::freshness_note(&summary));
            }
            Command::Export(ExportCommand::Hsds { dir, common }) => {
                let state = crate::build_state(&common.config()).await?;
                let n = crate::hsds::run::export_dir(&state.db, &dir).await?;
                println!("HSDS-export klaar: {n} services in {}.", dir.display());
            }
            Command::User(UserCommand::Add {
                email,
                role,
                name,
                gemeente,
                organisations,
                password_stdin,
                base_url,
                common,
            }) => {
                let Some(role) = app::auth::Role::parse(&role) else {
                    anyhow::bail!(
                        "onbekende rol {role:?}: kies provider, professional, coordinator of admin"
                    );
                };
                if !email.contains('@') {
                    anyhow::bail!("{email:?} is geen e-mailadres");
                }
                if role == app::auth::Role::Coordinator && gemeente.is_none() {
                    anyhow::bail!("een coordinator hoort bij een gemeente: geef --gemeente GM....");
                }
                let state = crate::build_state(&common.config()).await?;
                let hash = if password_stdin {
                    let mut password = String::new();
                    std::io::stdin().read_line(&mut password)?;
                    let password = password.trim_end_matches(['\r', '\n']);
                    app::auth::check_new_password(password)
                        .map_err(|e| anyhow::anyhow!(e.user_message()))?;
                    app::auth::hash_password(password)
                } else {
                    String::new()
                };
                let id = app::db::create_user(
                    &state.db,
                    &email,
                    &name,
                    role,
                    gemeente.as_deref(),
                    &hash,
                )
                .await
                .map_err(|e| anyhow::anyhow!(e.user_message()))?;
                for org in &organisations {
                    app::db::link_user_organisation(&state.db, id, *org).await?;
                }
                app::db::audit(
                    &state.db,
                    None,
                    "user_created",
                    "user",
                    &id.to_string(),
                    role.code(),
                )
                .await?;
                if hash.is_empty() {
                    let token = app::auth::new_secret();
                    app::db::create_token(
                        &state.db,
                        &app::auth::hash_secret(&token),
                        id,
                        "invite",
                        chrono::Duration::days(7),
                    )
                    .await?;
                    println!("Account {email} ({}) gemaakt. Kies een wachtwoord via: {}/wachtwoord/{token}", role.code(), base_url.trim_end_matches('/'));
                } else {
                    println!("Account {email} ({}) gemaakt.", role.code());
                }
            }
            Command::User(UserCommand::Token {
                email,
                name,
                common,
            }) => {
                let state = crate::build_state(&common.config()).await?;
                let Some(user) = app::db::find_user(&state.db, &email).await? else {
                    anyhow::bail!("geen account met e-mailadres {email:?}");
                };
                let fail = |e: app::Error| anyhow::anyhow!(e.user_message());
                let made = app::service::tokens::create(&state, &user.me, &name)
                    .await
                    .map_err(fail)?;
                let id = match made {
                    app::service::Saved::Done(id) => id,
                    app::service::Saved::Invalid("te-veel") => anyhow::bail!(
                        "dit account heeft al {} sleutels: trek er eerst een in",
                        app::service::tokens::MAX_LIVE
                    ),
                    app::service::Saved::Invalid(_) => anyhow::bail!(
                        "geef de sleutel een naam van 1 tot {} tekens",
                        app::service::tokens::MAX_NAME
                    ),
                };
                let keys =
                    app::service::tokens::list(&state, &user.me, Some(id), app::i18n::Lang::Nl)
                        .await
                        .map_err(fail)?;
                let token = keys.fresh.context("the new token could not be read back")?;
                println!("{token}");
            }
            Command::User(UserCommand::Disable { email, common }) => {
                let state = crate::build_state(&common.config()).await?;
                let me = app::auth::Me::operator();
                match app::service::teams::disable_account(&state, &me, &email)
                    .await
                    .map_err(|e| anyhow::anyhow!(e.user_message()))?
                {
                    app::service::Saved::Done(n) => println!(
                        "Account {email} staat uit; {n} trajecten staan in de wachtrij van hun team."
                    ),
                    app::service::Saved::Invalid(_) => {
                        anyhow::bail!("geen account met e-mailadres {email:?}")
                    }
                }
            }
            Command::Team(TeamCommand::Add {
                gemeente,
                name,
                kind,
                phone,
                email,
                common,
            }) => {
                let state = crate::build_state(&common.config()).await?;
                let me = app::auth::Me::operator();
                let made = app::service::teams::create(
                    &state, &me, &gemeente, &name, &kind, &phone, &email,
                )
                .await
                .map_err(|e| anyhow::anyhow!(e.user_message()))?;
                match made {
                    app::service::Saved::Done(id) => println!("Team {name:?} gemaakt ({id})."),
                    app::service::Saved::Invalid("naam") => anyhow::bail!(
                        "geef een naam van 1 tot 80 tekens die de gemeente nog niet heeft"
                    ),
                    app::service::Saved::Invalid("soort") => {
                        anyhow::bail!("kies --kind buurtteam, gebiedsteam of sociaal-team")
                    }
                    app::service::Saved::Invalid("gemeente") => {
                        anyhow::bail!("{gemeente:?} is geen CBS-code zoals GM0344")
                    }
                    app::service::Saved::Invalid(field) => {
                        anyhow::bail!("dit klopt niet: {field}")
                    }
                }
            }
            Command::Team(TeamCommand::Member {
                gemeente,
                team,
                email,
                lead,
                common,
            }) => {
                let state = crate::build_state(&common.config()).await?;
                let me = app::auth::Me::operator();
                let teams = app::db::teams(&state.db, Some(gemeente.trim())).await?;
                let Some(found) = teams.iter().find(|t| t.name == team.trim()) else {
                    anyhow::bail!("gemeente {gemeente} heeft geen team {team:?}");
                };
                match app::service::teams::set_member(&state, &me, found.id, &email, lead)
                    .await
                    .map_err(|e| anyhow::anyhow!(e.user_message()))?
                {
                    app::service::Saved::Done(_) => println!(
                        "{email} zit in {team}{}.",
                        if lead { " (teamleider)" } else { "" }
                    ),
                    app::service::Saved::Invalid(_) => anyhow::bail!(
                        "geen werkend account van een professional met e-mailadres {email:?}"
                    ),
                }
            }
            Command::Reindex { common } => {
                let state = crate::build_state(&common.config()).await?;
                let documents = crate::reindex(&state).await?;
                println!("Zoekindex opnieuw opgebouwd: {documents} documenten.");
            }
        }
        Ok(())
    }
}

/// Logs to stderr; `RUST_LOG` sets the level (default: info).
pub fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tantivy=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn parse_day(raw: &str) -> Result<chrono::NaiveDate, String> {
    if raw.trim() == "today" {
        return Ok(chrono::Utc::now().date_naive());
    }
    chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{raw:?} is not a day like 2026-12-01 or \"today\""))
}

fn parse_cidr(raw: &str) -> Result<app::Cidr, String> {
    app::Cidr::parse(raw)
        .ok_or_else(|| format!("{raw:?} is not an address or network (10.0.0.0/8)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
