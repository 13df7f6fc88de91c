//! The `verband` binary: reads configuration, opens the database, and starts
//! the web server or runs a CLI command. Everything else lives in the crates.

mod analyze;

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use verband_domain::{Language, NetworkRole};
use verband_search::{IndexOptions, OpenState, SearchError, SearchIndex};
use verband_service::demo::{DEMO_PASSWORD, DEMO_SEED, DEMO_USERS};
use verband_service::{Actor, RebuildProgress, Service, ServiceError, Store};
use verband_web::WebConfig;

#[derive(Parser)]
#[command(
    name = "verband",
    version,
    about = "Verband: one place to see and steer a network of organisations working towards one social goal."
)]
struct Cli {
    #[command(flatten)]
    db: DbArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct DbArgs {
    /// Data directory for the embedded SQLite database (created when missing).
    #[arg(long, global = true, env = "VERBAND_DATA", default_value = "./verband-data")]
    data: PathBuf,
    /// Use this database instead of the embedded SQLite file, e.g. postgres://user@127.0.0.1:5432/verband.
    #[arg(long, global = true, env = "VERBAND_DATABASE_URL")]
    database_url: Option<String>,
}

#[derive(Args, Clone)]
struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "VERBAND_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Mark cookies Secure; set this when Verband is reached over https (behind a proxy).
    #[arg(long, env = "VERBAND_SECURE_COOKIES", default_value_t = false)]
    secure_cookies: bool,
    /// The address respondents use to reach Verband, for the links in survey mail
    /// (default: http:// and the listen address).
    #[arg(long, env = "VERBAND_PUBLIC_URL")]
    public_url: Option<String>,
    /// SMTP server for survey invitations and reminders, e.g. smtp://127.0.0.1:25,
    /// smtp://user:pass@mail.example.nl:587?tls=required or smtps://user:pass@mail.example.nl.
    /// Without it, the links go to each round's outbox page.
    #[arg(long, env = "VERBAND_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// Sender of survey mail.
    #[arg(long, env = "VERBAND_MAIL_FROM", default_value = "Verband <verband@localhost>")]
    mail_from: String,
    /// OpenID Connect issuer for single sign-on, e.g. https://login.example.nl (its discovery
    /// document is read at start). Without it, only user names and passwords sign in.
    #[arg(long, env = "VERBAND_OIDC_ISSUER", requires_all = ["oidc_client_id", "oidc_client_secret"])]
    oidc_issuer: Option<String>,
    /// Client ID of Verband at the OpenID provider.
    #[arg(long, env = "VERBAND_OIDC_CLIENT_ID", hide_env_values = true)]
    oidc_client_id: Option<String>,
    /// Client secret of Verband at the OpenID provider.
    #[arg(long, env = "VERBAND_OIDC_CLIENT_SECRET", hide_env_values = true)]
    oidc_client_secret: Option<String>,
    /// E-mail domains (comma-separated) whose verified addresses may create an account by
    /// signing in; others need an invitation or an existing account. Default: none.
    #[arg(long, env = "VERBAND_OIDC_EMAIL_DOMAINS", value_delimiter = ',')]
    oidc_email_domains: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (pages and API) on an existing or new database.
    Serve(ServeArgs),
    /// Fill an empty database with demo networks and accounts, then serve.
    Demo {
        #[command(flatten)]
        serve: ServeArgs,
        /// How many full-size demo networks to generate (besides the small second one).
        #[arg(long, default_value_t = 1)]
        scale: usize,
        /// Seed of the generator: the same seed gives the same demo.
        #[arg(long, default_value_t = DEMO_SEED)]
        seed: u64,
        /// Only write the demo data; do not start the server.
        #[arg(long)]
        no_serve: bool,
        /// For load tests: also make a network of generated respondents with an open round
        /// of the collaboration scan, and write one personal link per line to FILE
        /// (a new network and round each time; the database keeps only the links' hashes).
        #[arg(long, value_name = "FILE")]
        survey_links: Option<PathBuf>,
        /// How many respondents --survey-links generates.
        #[arg(long, value_name = "N", default_value_t = 2000)]
        survey_respondents: usize,
    },
    /// Bring the database schema up to date (also done by serve and demo).
    Migrate,
    /// Rebuild the search index of this instance from the database (stop the
    /// server using the same data directory first).
    Reindex,
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Create, list, archive and restore networks.
    Network {
        #[command(subcommand)]
        command: NetworkCommand,
    },
    /// Compute network metrics for a GEXF, GraphML, Kumu JSON, Gephi CSV or edge-list file
    /// (no database needed) and print them as JSON, CSV or a table.
    Analyze(analyze::AnalyzeArgs),
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. The password is read from --password or, when absent, from the first line of standard input.
    Add {
        username: String,
        /// Name shown in the interface.
        #[arg(long, default_value = "")]
        name: String,
        #[arg(long, env = "VERBAND_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Make the account a deployment administrator.
        #[arg(long)]
        admin: bool,
    },
    /// List accounts and their roles per network.
    List,
    /// Set a new password (ends the user's sessions). Read like `add`.
    SetPassword {
        username: String,
        #[arg(long, env = "VERBAND_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
    /// Remove a user's two-factor sign-in and recovery codes (a lost phone); they sign in with the password alone again.
    ResetTwoFactor { username: String },
    /// Give a user a role in a network: coordinator, steering, member or advisor.
    Grant {
        username: String,
        network_id: i64,
        role: String,
        /// The partner (organisation id) the user represents in the network.
        #[arg(long)]
        organisation: Option<i64>,
    },
}

// Parsed once per run: the size of `Create` costs nothing worth boxing for.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum NetworkCommand {
    /// Create a network; with --coordinator, invite its first coordinator by e-mail
    /// (mailed through the SMTP settings, or the link is printed).
    Create {
        name: String,
        #[arg(long, default_value = "")]
        region: String,
        #[arg(long, default_value = "")]
        inhabitants: String,
        /// Comma-separated domains, e.g. "gezondheid, wonen".
        #[arg(long, default_value = "")]
        domains: String,
        /// build_up, develop_and_grow or sustainable_impact (default build_up).
        #[arg(long, default_value = "build_up")]
        phase: String,
        /// Start date, YYYY-MM-DD.
        #[arg(long, default_value = "")]
        start_date: String,
        /// E-mail address of the first coordinator, who gets an invitation.
        #[arg(long)]
        coordinator: Option<String>,
        #[command(flatten)]
        mail: MailArgs,
    },
    /// List networks, archived ones marked.
    List,
    /// Archive a network (nothing is deleted; `restore` brings it back).
    Archive { network_id: i64 },
    /// Restore an archived network.
    Restore { network_id: i64 },
}

/// Mail settings for CLI commands that send invitations.
#[derive(Args, Clone)]
struct MailArgs {
    /// The address people use to reach Verband, for the links in mail.
    #[arg(long, env = "VERBAND_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    public_url: String,
    #[arg(long, env = "VERBAND_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    #[arg(long, env = "VERBAND_MAIL_FROM", default_value = "Verband <verband@localhost>")]
    mail_from: String,
}

fn read_password(given: Option<String>) -> anyhow::Result<String> {
    if let Some(p) = given {
        return Ok(p);
    }
    eprintln!("Password (one line on standard input):");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).context("reading the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

async fn open(db: &DbArgs) -> anyhow::Result<Service> {
    let url = match &db.database_url {
        Some(url) if !url.trim().is_empty() => url.clone(),
        _ => {
            std::fs::create_dir_all(&db.data).with_context(|| format!("creating the data directory {}", db.data.display()))?;
            Store::sqlite_url_in(&db.data)
        }
    };
    let store = Store::connect(&url).await.context("opening the database")?;
    store.migrate().await.context("bringing the database schema up to date")?;
    Ok(Service::new(store))
}

/// The service with the deployment's mail settings: the links it makes
/// (mailed, in the outbox or written by `demo --survey-links`) use the public address.
fn with_mail(service: Service, args: &ServeArgs) -> anyhow::Result<Service> {
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{}", args.listen));
    mail_settings(service, args.smtp_url.as_deref(), &args.mail_from, &public_url)
}

fn mail_settings(service: Service, smtp_url: Option<&str>, from: &str, public_url: &str) -> anyhow::Result<Service> {
    let mail = verband_service::mail::MailSettings::new(smtp_url, from, public_url, std::sync::Arc::new(verband_web::compose_survey_mail))
        .context("mail settings")?
        .with_account_mail(std::sync::Arc::new(verband_web::compose_account_mail));
    Ok(service.with_mail(mail))
}

async fn network_command(service: Service, system: &Actor, command: NetworkCommand) -> anyhow::Result<()> {
    match command {
        NetworkCommand::Create { name, region, inhabitants, domains, phase, start_date, coordinator, mail } => {
            let service = mail_settings(service, mail.smtp_url.as_deref(), &mail.mail_from, &mail.public_url)?;
            let form = verband_domain::NetworkForm { name, region, inhabitants, domains, governance: String::new(), phase, start_date };
            if let Some(address) = &coordinator {
                if verband_domain::invitation::normalise_email(address).is_none() {
                    bail!("--coordinator {address:?} is not a valid e-mail address; nothing was created");
                }
            }
            let id = service.create_network(system, &form).await?;
            println!("Network {id} created: {}.", form.name.trim());
            if let Some(address) = coordinator {
                let invitation = verband_domain::invitation::InvitationForm {
                    emails: address.clone(),
                    role: "coordinator".into(),
                    organisation_id: String::new(),
                };
                let outcome = service.invite(system, id, &invitation).await?;
                for sent in outcome.sent {
                    match sent.link {
                        None => println!("Invitation mailed to {}.", sent.email),
                        Some(link) => println!("Invitation for {} (not mailed; pass it on, valid 14 days): {link}", sent.email),
                    }
                }
            }
        }
        NetworkCommand::List => {
            for n in service.networks_overview(system).await? {
                let state = if n.archived_at.is_some() { "  (archived)" } else { "" };
                println!("{:>5}  {}{}{state}", n.id, n.name, n.region.map(|r| format!(", {r}")).unwrap_or_default());
            }
        }
        NetworkCommand::Archive { network_id } => {
            service.archive_network(system, network_id).await?;
            println!("Network {network_id} archived; `verband network restore {network_id}` brings it back.");
        }
        NetworkCommand::Restore { network_id } => {
            service.restore_network(system, network_id).await?;
            println!("Network {network_id} restored.");
        }
    }
    Ok(())
}

/// Single sign-on, when an issuer is given. The provider's discovery document
/// is read now; when the provider cannot be reached, Verband still starts (an
/// outage there must not take Verband down) and the next sign-in tries again.
async fn with_oidc(service: Service, args: &ServeArgs) -> anyhow::Result<Service> {
    let Some(issuer) = &args.oidc_issuer else { return Ok(service) };
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{}", args.listen));
    let config = verband_service::OidcConfig {
        issuer: issuer.clone(),
        client_id: args.oidc_client_id.clone().unwrap_or_default(),
        client_secret: args.oidc_client_secret.clone().unwrap_or_default(),
        redirect_url: format!("{}/inloggen/sso/terug", public_url.trim_end_matches('/')),
        email_domains: args.oidc_email_domains.clone(),
    };
    let oidc = verband_service::Oidc::new(config).context("single sign-on settings")?;
    match oidc.discover().await {
        Ok(()) => eprintln!("Single sign-on through {}.", oidc.issuer()),
        Err(e) => tracing::warn!("single sign-on through {} is not available yet: {e}; the next sign-in tries again", oidc.issuer()),
    }
    Ok(service.with_oidc(oidc))
}

/// Writes the links of a load-test round to `file`, one per line.
async fn write_survey_links(service: &Service, seed: u64, respondents: usize, file: &std::path::Path) -> anyhow::Result<()> {
    if respondents == 0 {
        bail!("--survey-respondents must be at least 1");
    }
    eprintln!("Starting a collaboration scan round for {respondents} generated respondents…");
    let load = service.seed_survey_load(seed, respondents).await?;
    let mut text = load.links.join("\n");
    text.push('\n');
    std::fs::write(file, text).with_context(|| format!("writing the survey links to {}", file.display()))?;
    eprintln!(
        "Wrote {} survey links to {} (network {}, open round {}; round {} holds {respondents} finished responses).",
        load.links.len(),
        file.display(),
        load.network_id,
        load.round_id,
        load.results_round_id
    );
    Ok(())
}

/// The search index of this instance: in the data directory, also when the
/// database is PostgreSQL (each instance keeps its own index).
fn search_index_dir(db: &DbArgs) -> PathBuf {
    db.data.join("search-index")
}

fn open_search_index(db: &DbArgs, options: IndexOptions) -> anyhow::Result<SearchIndex> {
    let dir = search_index_dir(db);
    match SearchIndex::open_with(&dir, options) {
        Ok(index) => {
            if let OpenState::Recreated { reason } = index.opened() {
                eprintln!("The search index in {} is rebuilt: {reason}.", dir.display());
            }
            Ok(index)
        }
        Err(SearchError::Locked(_)) => bail!(
            "the search index in {} is in use by another Verband process; stop it first, or give this one its own --data directory",
            dir.display()
        ),
        Err(e) => Err(e).with_context(|| format!("opening the search index in {}", dir.display())),
    }
}

/// Brings the index up to date before the first request, then follows the
/// change log (also changes other instances make).
async fn start_search(service: Service, db: &DbArgs) -> anyhow::Result<Service> {
    let service = service.with_search_index(open_search_index(db, IndexOptions::default())?);
    let fresh = service.search_position()?.is_none();
    if fresh {
        eprintln!("Building the search index…");
    }
    service.catch_up_search().await.context("bringing the search index up to date")?;
    service.follow_changes(verband_service::FOLLOW_EVERY);
    Ok(service)
}

async fn reindex(service: Service, db: &DbArgs) -> anyhow::Result<()> {
    let service = service.with_search_index(open_search_index(db, IndexOptions::bulk())?);
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} records, {per_sec}, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let stats = service
        .rebuild_search(&mut |p: RebuildProgress| {
            bar.set_length(p.total);
            bar.set_position(p.done);
        })
        .await?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let records = stats.knowledge_items + stats.entities;
    println!(
        "Search index rebuilt: {} knowledge items and {} partners, persons, projects and meetings in {seconds:.1} s ({:.0} records/s).",
        stats.knowledge_items,
        stats.entities,
        records as f64 / seconds.max(0.001)
    );
    Ok(())
}

async fn serve(service: Service, args: &ServeArgs) -> anyhow::Result<()> {
    // Survey reminders: checked every five minutes; each person gets at most one a day.
    let reminders = service.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(300));
        loop {
            tick.tick().await;
            match reminders.send_due_reminders(chrono::Utc::now().date_naive()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(reminders = n, "survey reminders sent"),
                Err(e) => tracing::warn!(error = %e, "survey reminders failed"),
            }
        }
    });
    let app = verband_web::router(service.clone(), WebConfig { secure_cookies: args.secure_cookies });
    let listener = tokio::net::TcpListener::bind(args.listen).await.with_context(|| format!("listening on {}", args.listen))?;
    let cleanup = service.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Err(e) = cleanup.delete_expired_sessions().await {
                tracing::warn!("could not delete expired sessions: {e}");
            }
        }
    });
    println!("Verband is running on http://{}", args.listen);
    // A new installation: the first administrator is made through a
    // one-time address, valid until used or until the server restarts.
    if let Some(address) = service.setup_address().await? {
        println!("No administrator yet. Open this address once to create the first administrator:\n  {address}");
    }
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("serving")?;
    service.store().close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// A CLI user reads the error, not a backtrace: say what was wrong in words.
fn explain(e: &anyhow::Error) -> String {
    match e.downcast_ref::<ServiceError>() {
        Some(ServiceError::Invalid(errors)) => {
            let parts: Vec<String> = errors
                .0
                .iter()
                .map(|f| format!("{}: {}", f.field, verband_web::translate(Language::En, &format!("error-{}", f.code))))
                .collect();
            format!("invalid input: {}", parts.join("; "))
        }
        Some(ServiceError::NotFound) => "not found: check the user name and the network id (see `verband user list`)".to_string(),
        _ => format!("{e:#}"),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("verband: {}", explain(&e));
            ExitCode::FAILURE
        }
    }
}

async fn run() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("VERBAND_LOG").unwrap_or_else(|_| "info,sqlx=warn".into()))
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    // analyze reads a file only: it must not create or open a database.
    if let Command::Analyze(args) = &cli.command {
        return analyze::run(args);
    }
    let service = open(&cli.db).await?;
    let system = Actor::system("cli");
    match cli.command {
        Command::Network { command } => network_command(service, &system, command).await?,
        Command::Serve(args) => serve(start_search(with_oidc(with_mail(service, &args)?, &args).await?, &cli.db).await?, &args).await?,
        Command::Migrate => println!("The database schema is up to date."),
        Command::Reindex => reindex(service, &cli.db).await?,
        Command::Demo { serve: args, scale, seed, no_serve, survey_links, survey_respondents } => {
            let service = with_oidc(with_mail(service, &args)?, &args).await?;
            if service.is_empty().await? {
                eprintln!("Writing the demo data ({scale} network(s) of full size, seed {seed})…");
                let summary = service.seed_demo(seed, scale).await?;
                eprintln!("Demo data written: {} networks.", summary.networks.len());
            } else {
                eprintln!("The database already holds data; the demo is not written again.");
            }
            if let Some(file) = &survey_links {
                write_survey_links(&service, seed, survey_respondents, file).await?;
            }
            println!("Log in as one of these demo accounts (password: {DEMO_PASSWORD}):");
            for (username, display, _) in DEMO_USERS {
                println!("  {username:<16} {display}");
            }
            if !no_serve {
                serve(start_search(service, &cli.db).await?, &args).await?;
            }
        }
        Command::User { command } => match command {
            UserCommand::Add { username, name, password, admin } => {
                let password = read_password(password)?;
                let id = service.add_user(&system, &username, &name, &password, admin).await?;
                println!("Account {username} created (id {id}).");
            }
            UserCommand::List => {
                for (user, roles) in service.list_users(&system).await? {
                    let roles: Vec<String> = roles.iter().map(|(n, r)| format!("{r} in network {n}")).collect();
                    let admin = if user.is_admin { " (admin)" } else { "" };
                    println!("{:<20} {}{}  {}", user.username, user.display_name, admin, roles.join(", "));
                }
            }
            UserCommand::SetPassword { username, password } => {
                let password = read_password(password)?;
                service.set_password(&system, &username, &password).await?;
                println!("Password of {username} set; their sessions have ended.");
            }
            UserCommand::ResetTwoFactor { username } => {
                service.reset_two_factor(&system, &username).await?;
                println!("Two-factor sign-in of {username} reset.");
            }
            UserCommand::Grant { username, network_id, role, organisation } => {
                let Some(role) = NetworkRole::parse(role.trim()) else {
                    bail!("unknown role {role:?}: use coordinator, steering, member or advisor");
                };
                service.grant(&system, &username, network_id, role).await?;
                if organisation.is_some() {
                    service.set_user_organisation(&system, &username, network_id, organisation).await?;
                }
                println!("{username} is now {role} in network {network_id}.");
            }
        },
        // Ran above, before the database was opened.
        Command::Analyze(_) => {}
    }
    Ok(())
}
