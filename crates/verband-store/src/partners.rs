//! Partner organisations and their membership of a network.

use sqlx::Row;

use crate::networks::parse_date;
use crate::sql::{contains_pattern, Arg, Sql};
use crate::{now_text, Conn, Result, StoreError};
use verband_domain::{
    search_key, ListFilter, MembershipStatus, OrganisationDraft, Ownership, PageRequest, Paged, Partner, Sector, SortDir,
};

const PARTNER_SELECT: &str = "SELECT o.id, m.network_id, o.name, o.sector, o.ownership, o.kvk_number, o.website, o.description,
        m.status, m.member_since, m.archived_at,
        (SELECT COUNT(*) FROM persons p WHERE p.organisation_id = o.id AND p.network_id = m.network_id AND p.archived_at IS NULL) AS person_count
     FROM memberships m JOIN organisations o ON o.id = m.organisation_id";

fn partner_from_row(r: &sqlx::any::AnyRow) -> Result<Partner> {
    let sector: String = r.try_get("sector")?;
    let ownership: String = r.try_get("ownership")?;
    let status: String = r.try_get("status")?;
    Ok(Partner {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        name: r.try_get("name")?,
        sector: Sector::parse(&sector).ok_or(StoreError::Corrupt(format!("sector {sector}")))?,
        ownership: Ownership::parse(&ownership).ok_or(StoreError::Corrupt(format!("ownership {ownership}")))?,
        kvk_number: r.try_get("kvk_number")?,
        website: r.try_get("website")?,
        description: r.try_get("description")?,
        membership_status: MembershipStatus::parse(&status).ok_or(StoreError::Corrupt(format!("status {status}")))?,
        member_since: parse_date(r.try_get("member_since")?)?,
        archived: r.try_get::<Option<String>, _>("archived_at")?.is_some(),
        person_count: r.try_get("person_count")?,
    })
}

/// What a partner search looks in: name and description, as search keys.
fn organisation_search_text(d: &OrganisationDraft) -> String {
    format!("{}\n{}", search_key(&d.name), search_key(d.description.as_deref().unwrap_or("")))
}

/// Creates the organisation and its membership of the network.
pub async fn insert_partner(conn: &mut Conn, network_id: i64, d: &OrganisationDraft) -> Result<i64> {
    let now = now_text();
    let row = sqlx::query(
        "INSERT INTO organisations (name, sector, ownership, kvk_number, website, description, sort_name, search_text, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(d.name.clone())
    .bind(d.sector.code().to_string())
    .bind(d.ownership.code().to_string())
    .bind(d.kvk_number.as_ref().map(|k| k.as_str().to_string()))
    .bind(d.website.clone())
    .bind(d.description.clone())
    .bind(search_key(&d.name))
    .bind(organisation_search_text(d))
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    let id: i64 = row.try_get("id")?;
    sqlx::query("INSERT INTO memberships (network_id, organisation_id, status, member_since) VALUES ($1, $2, $3, $4)")
        .bind(network_id)
        .bind(id)
        .bind(d.membership_status.code().to_string())
        .bind(d.member_since.map(|x| x.to_string()))
        .execute(conn)
        .await?;
    Ok(id)
}

pub async fn update_partner(conn: &mut Conn, network_id: i64, id: i64, d: &OrganisationDraft) -> Result<()> {
    sqlx::query(
        "UPDATE organisations SET name = $1, sector = $2, ownership = $3, kvk_number = $4, website = $5, description = $6,
           sort_name = $7, search_text = $8, updated_at = $9
         WHERE id = $10",
    )
    .bind(d.name.clone())
    .bind(d.sector.code().to_string())
    .bind(d.ownership.code().to_string())
    .bind(d.kvk_number.as_ref().map(|k| k.as_str().to_string()))
    .bind(d.website.clone())
    .bind(d.description.clone())
    .bind(search_key(&d.name))
    .bind(organisation_search_text(d))
    .bind(now_text())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    // The day a partner leaves feeds the membership signal (vitality).
    sqlx::query(
        "UPDATE memberships SET status = $1, member_since = $2,
           left_on = CASE WHEN $1 = 'left' THEN COALESCE(left_on, $5) ELSE NULL END
         WHERE network_id = $3 AND organisation_id = $4",
    )
    .bind(d.membership_status.code().to_string())
    .bind(d.member_since.map(|x| x.to_string()))
    .bind(network_id)
    .bind(id)
    .bind(chrono::Utc::now().date_naive().to_string())
    .execute(conn)
    .await?;
    Ok(())
}

/// Archives (or with `archived = false` restores) the partner in this network.
pub async fn set_partner_archived(conn: &mut Conn, network_id: i64, id: i64, archived: bool) -> Result<()> {
    sqlx::query("UPDATE memberships SET archived_at = $1 WHERE network_id = $2 AND organisation_id = $3")
        .bind(archived.then(now_text))
        .bind(network_id)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn partner_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<Partner>> {
    let row = sqlx::query(&format!("{PARTNER_SELECT} WHERE m.network_id = $1 AND o.id = $2"))
        .bind(network_id)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(partner_from_row).transpose()
}

fn push_partner_where(s: &mut Sql, network_id: i64, f: &ListFilter) {
    s.push(" WHERE m.network_id = ").arg(Arg::Int(network_id));
    if !f.include_archived {
        s.push(" AND m.archived_at IS NULL");
    }
    if let Some(q) = f.search.as_deref().filter(|q| !q.trim().is_empty()) {
        let p = contains_pattern(q);
        s.push(" AND o.search_text LIKE ").arg(Arg::Text(p)).push(" ESCAPE '\\'");
    }
    if let Some(sector) = f.sector {
        s.push(" AND o.sector = ").arg(Arg::Text(sector.code().into()));
    }
    if let Some(status) = f.status {
        s.push(" AND m.status = ").arg(Arg::Text(status.code().into()));
    }
}

/// One page of a network's partners, filtered and sorted.
pub async fn list_partners(conn: &mut Conn, network_id: i64, f: &ListFilter, page: PageRequest) -> Result<Paged<Partner>> {
    let mut count = Sql::new("SELECT COUNT(*) AS n FROM memberships m JOIN organisations o ON o.id = m.organisation_id");
    push_partner_where(&mut count, network_id, f);
    let total: i64 = count.query().fetch_one(&mut *conn).await?.try_get("n")?;

    let dir = match f.dir.unwrap_or(SortDir::Asc) {
        SortDir::Asc => "ASC",
        SortDir::Desc => "DESC",
    };
    // Sort columns come from this fixed list, never from the request text.
    let order = match f.sort.as_str() {
        "sector" => format!("o.sector {dir}, o.sort_name"),
        "status" => format!("m.status {dir}, o.sort_name"),
        "since" => format!("m.member_since {dir}, o.sort_name"),
        "persons" => format!("person_count {dir}, o.sort_name"),
        _ => format!("o.sort_name {dir}"),
    };
    let mut q = Sql::new(PARTNER_SELECT);
    push_partner_where(&mut q, network_id, f);
    q.push(&format!(" ORDER BY {order}, o.id LIMIT "));
    q.arg(Arg::Int(i64::from(page.size))).push(" OFFSET ").arg(Arg::Int(page.offset()));
    let rows = q.query().fetch_all(conn).await?;
    let items = rows.iter().map(partner_from_row).collect::<Result<Vec<_>>>()?;
    Ok(Paged { items, total, page: page.number, page_size: page.size })
}

/// (id, name) of the network's partners that are not archived, by name.
pub async fn partner_choices(conn: &mut Conn, network_id: i64) -> Result<Vec<(i64, String)>> {
    let rows = sqlx::query(
        "SELECT o.id, o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.network_id = $1 AND m.archived_at IS NULL ORDER BY o.sort_name",
    )
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?))).collect()
}

/// Partner counts per sector (not archived), for the dashboard.
pub async fn partners_per_sector(conn: &mut Conn, network_id: i64) -> Result<Vec<(Sector, i64)>> {
    let rows = sqlx::query(
        "SELECT o.sector, COUNT(*) AS n FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.network_id = $1 AND m.archived_at IS NULL GROUP BY o.sector ORDER BY n DESC, o.sector",
    )
    .bind(network_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            let code: String = r.try_get("sector")?;
            Ok((Sector::parse(&code).ok_or(StoreError::Corrupt(format!("sector {code}")))?, r.try_get("n")?))
        })
        .collect()
}
