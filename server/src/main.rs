//! `sociale-kaart`: serve the sociale kaart, load demo data, rebuild the search index.

use std::process::ExitCode;

use clap::Parser;
use server::cli::Cli;

#[tokio::main]
async fn main() -> ExitCode {
    server::cli::init_tracing();
    match Cli::parse().run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, the Dutch message first and what caused it after, instead of Rust's
            // "Error: ... Caused by:" block.
            eprintln!("Fout: {e:#}");
            ExitCode::FAILURE
        }
    }
}
