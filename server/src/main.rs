//! `sociale-kaart`: serve the sociale kaart, load demo data, rebuild the search index.

use clap::Parser;
use server::cli::Cli;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::cli::init_tracing();
    Cli::parse().run().await
}
