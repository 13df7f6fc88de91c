//! Searching the knowledge lab and the header search. Who may see what is
//! decided here, once per search, and handed to the index as its scope: a
//! user sees everything of the networks they have a role in, and the
//! knowledge items other networks share with the whole deployment.
//! Every search first applies the changes the index has not seen yet, so a
//! user finds what was just saved, on any instance.

use std::collections::BTreeMap;

use verband_search::{Access, EntityHit, KnowledgeHit, SearchRequest, SearchResults};

use crate::search_feed::run_search;
use crate::{Actor, Result, Service};

/// A page of the knowledge lab: the results and the names of the networks
/// they (and the network facet) mention.
pub struct KnowledgeSearch {
    pub results: SearchResults,
    pub network_names: BTreeMap<i64, String>,
}

/// The header search: partners, persons, projects and meetings, then
/// knowledge items.
pub struct GlobalSearch {
    pub entities: Vec<EntityHit>,
    pub knowledge: SearchResults,
    pub network_names: BTreeMap<i64, String>,
}

impl Service {
    /// What the actor may see, as the index's scope.
    pub async fn search_access(&self, actor: &Actor) -> Result<Access> {
        let mut conn = self.store.conn().await?;
        if actor.is_admin {
            // Administrators act as coordinators in every network (see `role_in`).
            let networks = verband_store::all_networks(&mut conn).await?.into_iter().map(|n| n.id).collect();
            return Ok(Access { networks, include_shared: true });
        }
        let Some(user_id) = actor.user_id else { return Ok(Access::default()) };
        let networks = verband_store::roles_of_user(&mut conn, user_id).await?.into_iter().map(|(n, _)| n).collect();
        Ok(Access { networks, include_shared: true })
    }

    /// Searches the knowledge items the actor may see.
    pub async fn search_knowledge(&self, actor: &Actor, request: SearchRequest) -> Result<KnowledgeSearch> {
        let access = self.search_access(actor).await?;
        self.catch_up_search().await?;
        let index = self.search_index()?;
        let results = run_search(move || index.search(&request, &access)).await?;
        let mut ids: Vec<i64> = results.hits.iter().map(|h| h.network_id).collect();
        ids.extend(results.facets.network.iter().map(|f| f.value));
        let network_names = self.network_names_of(&ids).await?;
        Ok(KnowledgeSearch { results, network_names })
    }

    /// Items like this one that the actor may see (never the item itself).
    pub async fn related_knowledge(&self, actor: &Actor, id: i64, limit: usize) -> Result<Vec<KnowledgeHit>> {
        // Only for an item the actor may read: its words must not leak either.
        let item = self.knowledge_record(id).await?;
        self.knowledge_access(actor, &item).await?;
        let access = self.search_access(actor).await?;
        self.catch_up_search().await?;
        let index = self.search_index()?;
        run_search(move || index.related(id, &access, limit)).await
    }

    /// The header search: up to `limit` partners, persons, projects and
    /// meetings, and the first knowledge items, that match `text`.
    pub async fn search_everything(&self, actor: &Actor, text: &str, limit: usize) -> Result<GlobalSearch> {
        let access = self.search_access(actor).await?;
        self.catch_up_search().await?;
        let index = self.search_index()?;
        let request = SearchRequest { limit, ..SearchRequest::text(text) };
        let words = text.to_string();
        let (entities, knowledge) = run_search(move || {
            let entities = index.search_entities(&words, &access, limit)?;
            let knowledge = index.search(&request, &access)?;
            Ok((entities, knowledge))
        })
        .await?;
        let ids: Vec<i64> = entities.iter().map(|e| e.network_id).chain(knowledge.hits.iter().map(|h| h.network_id)).collect();
        let network_names = self.network_names_of(&ids).await?;
        Ok(GlobalSearch { entities, knowledge, network_names })
    }

    /// Names of networks by id, for result lists (a shared item names its network).
    pub async fn network_names_of(&self, ids: &[i64]) -> Result<BTreeMap<i64, String>> {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Ok(BTreeMap::new());
        }
        let mut conn = self.store.conn().await?;
        Ok(verband_store::networks_by_ids(&mut conn, &ids).await?.into_iter().map(|n| (n.id, n.name)).collect())
    }
}
