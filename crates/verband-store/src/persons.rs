//! Contact persons of a network and their roles.

use sqlx::Row;

use crate::networks::parse_date;
use crate::sql::{contains_pattern, Arg, Sql};
use crate::{now_text, Conn, Result};
use verband_domain::{search_key, ListFilter, PageRequest, Paged, Person, PersonDraft, PersonRole, SortDir};

const PERSON_SELECT: &str = "SELECT p.id, p.network_id, p.name, p.email, p.phone, p.organisation_id, o.name AS organisation_name,
        p.data_source, p.informed_on, p.archived_at
     FROM persons p LEFT JOIN organisations o ON o.id = p.organisation_id";

fn person_from_row(r: &sqlx::any::AnyRow) -> Result<Person> {
    Ok(Person {
        id: r.try_get("id")?,
        network_id: r.try_get("network_id")?,
        name: r.try_get("name")?,
        email: r.try_get("email")?,
        phone: r.try_get("phone")?,
        organisation_id: r.try_get("organisation_id")?,
        organisation_name: r.try_get("organisation_name")?,
        roles: Vec::new(),
        data_source: r.try_get("data_source")?,
        informed_on: parse_date(r.try_get("informed_on")?)?,
        archived: r.try_get::<Option<String>, _>("archived_at")?.is_some(),
    })
}

/// Fills in the roles of the given persons with one query.
async fn attach_roles(conn: &mut Conn, persons: &mut [Person]) -> Result<()> {
    if persons.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = persons.iter().map(|p| p.id.to_string()).collect();
    // The ids are integers read from the database, so inlining them is safe.
    let rows = sqlx::query(&format!("SELECT person_id, role FROM person_roles WHERE person_id IN ({}) ORDER BY role", ids.join(",")))
        .fetch_all(conn)
        .await?;
    for r in &rows {
        let pid: i64 = r.try_get("person_id")?;
        let code: String = r.try_get("role")?;
        if let (Some(p), Some(role)) = (persons.iter_mut().find(|p| p.id == pid), PersonRole::parse(&code)) {
            p.roles.push(role);
        }
    }
    Ok(())
}

async fn replace_roles(conn: &mut Conn, person_id: i64, roles: &[PersonRole]) -> Result<()> {
    sqlx::query("DELETE FROM person_roles WHERE person_id = $1").bind(person_id).execute(&mut *conn).await?;
    for role in roles {
        sqlx::query("INSERT INTO person_roles (person_id, role) VALUES ($1, $2)")
            .bind(person_id)
            .bind(role.code().to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// What a person search looks in: name and e-mail, as search keys.
fn person_search_text(d: &PersonDraft) -> String {
    format!("{}\n{}", search_key(&d.name), d.email.as_deref().map(search_key).unwrap_or_default())
}

pub async fn insert_person(conn: &mut Conn, network_id: i64, d: &PersonDraft) -> Result<i64> {
    let now = now_text();
    let row = sqlx::query(
        "INSERT INTO persons (network_id, organisation_id, name, email, phone, data_source, informed_on, sort_name, search_text, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $9, $10, $8, $8) RETURNING id",
    )
    .bind(network_id)
    .bind(d.organisation_id)
    .bind(d.name.clone())
    .bind(d.email.clone())
    .bind(d.phone.clone())
    .bind(d.data_source.clone())
    .bind(d.informed_on.map(|x| x.to_string()))
    .bind(now)
    .bind(search_key(&d.name))
    .bind(person_search_text(d))
    .fetch_one(&mut *conn)
    .await?;
    let id: i64 = row.try_get("id")?;
    replace_roles(conn, id, &d.roles).await?;
    Ok(id)
}

pub async fn update_person(conn: &mut Conn, network_id: i64, id: i64, d: &PersonDraft) -> Result<()> {
    sqlx::query(
        "UPDATE persons SET organisation_id = $1, name = $2, email = $3, phone = $4, data_source = $5, informed_on = $6, updated_at = $7,
           sort_name = $10, search_text = $11
         WHERE id = $8 AND network_id = $9",
    )
    .bind(d.organisation_id)
    .bind(d.name.clone())
    .bind(d.email.clone())
    .bind(d.phone.clone())
    .bind(d.data_source.clone())
    .bind(d.informed_on.map(|x| x.to_string()))
    .bind(now_text())
    .bind(id)
    .bind(network_id)
    .bind(search_key(&d.name))
    .bind(person_search_text(d))
    .execute(&mut *conn)
    .await?;
    replace_roles(conn, id, &d.roles).await
}

pub async fn set_person_archived(conn: &mut Conn, network_id: i64, id: i64, archived: bool) -> Result<()> {
    sqlx::query("UPDATE persons SET archived_at = $1 WHERE id = $2 AND network_id = $3")
        .bind(archived.then(now_text))
        .bind(id)
        .bind(network_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn person_by_id(conn: &mut Conn, network_id: i64, id: i64) -> Result<Option<Person>> {
    let row = sqlx::query(&format!("{PERSON_SELECT} WHERE p.network_id = $1 AND p.id = $2"))
        .bind(network_id)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut persons = vec![person_from_row(&row)?];
    attach_roles(conn, &mut persons).await?;
    Ok(persons.pop())
}

fn push_person_where(s: &mut Sql, network_id: i64, f: &ListFilter) {
    s.push(" WHERE p.network_id = ").arg(Arg::Int(network_id));
    if !f.include_archived {
        s.push(" AND p.archived_at IS NULL");
    }
    if let Some(q) = f.search.as_deref().filter(|q| !q.trim().is_empty()) {
        let p = contains_pattern(q);
        s.push(" AND (p.search_text LIKE ").arg(Arg::Text(p.clone())).push(" ESCAPE '\\' OR COALESCE(o.sort_name, '') LIKE ");
        s.arg(Arg::Text(p)).push(" ESCAPE '\\')");
    }
    if let Some(org) = f.organisation_id {
        s.push(" AND p.organisation_id = ").arg(Arg::Int(org));
    }
}

pub async fn list_persons(conn: &mut Conn, network_id: i64, f: &ListFilter, page: PageRequest) -> Result<Paged<Person>> {
    let mut count = Sql::new("SELECT COUNT(*) AS n FROM persons p LEFT JOIN organisations o ON o.id = p.organisation_id");
    push_person_where(&mut count, network_id, f);
    let total: i64 = count.query().fetch_one(&mut *conn).await?.try_get("n")?;

    let dir = match f.dir.unwrap_or(SortDir::Asc) {
        SortDir::Asc => "ASC",
        SortDir::Desc => "DESC",
    };
    // Sort columns come from this fixed list, never from the request text.
    let order = match f.sort.as_str() {
        "organisation" => format!("COALESCE(o.sort_name, '') {dir}, p.sort_name"),
        "email" => format!("LOWER(COALESCE(p.email, '')) {dir}"),
        _ => format!("p.sort_name {dir}"),
    };
    let mut q = Sql::new(PERSON_SELECT);
    push_person_where(&mut q, network_id, f);
    q.push(&format!(" ORDER BY {order}, p.id LIMIT ")).arg(Arg::Int(i64::from(page.size))).push(" OFFSET ").arg(Arg::Int(page.offset()));
    let rows = q.query().fetch_all(&mut *conn).await?;
    let mut items = rows.iter().map(person_from_row).collect::<Result<Vec<_>>>()?;
    attach_roles(conn, &mut items).await?;
    Ok(Paged { items, total, page: page.number, page_size: page.size })
}

/// (id, name, e-mail) of the network's persons that are not archived, by name: for pick lists and imports.
pub async fn person_choices(conn: &mut Conn, network_id: i64) -> Result<Vec<(i64, String, Option<String>)>> {
    let rows = sqlx::query("SELECT id, name, email FROM persons WHERE network_id = $1 AND archived_at IS NULL ORDER BY name, id")
        .bind(network_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("name")?, r.try_get("email")?))).collect()
}
