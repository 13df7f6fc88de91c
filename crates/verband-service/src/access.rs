//! Who is acting, from where, and what they may do in a network.

use verband_domain::NetworkRole;

use crate::{Result, Service, ServiceError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Web,
    Api,
    Cli,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub channel: Channel,
    pub ip: Option<String>,
}

impl Origin {
    pub fn describe(&self) -> String {
        let channel = match self.channel {
            Channel::Web => "web",
            Channel::Api => "api",
            Channel::Cli => "cli",
        };
        match &self.ip {
            Some(ip) => format!("{channel} {ip}"),
            None => channel.to_string(),
        }
    }
}

/// The one doing something: a logged-in user, or the system itself (CLI, demo).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub name: String,
    pub is_admin: bool,
    pub origin: Origin,
}

impl Actor {
    /// The deployment itself acting (CLI commands, the demo seeder): may do anything.
    pub fn system(what: &str) -> Actor {
        Actor { user_id: None, name: format!("system:{what}"), is_admin: true, origin: Origin { channel: Channel::Cli, ip: None } }
    }
}

impl Service {
    /// The actor's role in the network. `NotFound` when the actor has none, so
    /// that a network's existence is not revealed to outsiders. Admins act as
    /// coordinators everywhere.
    pub async fn role_in(&self, actor: &Actor, network_id: i64) -> Result<NetworkRole> {
        let mut conn = self.store.conn().await?;
        if actor.is_admin {
            return match verband_store::network_by_id(&mut conn, network_id).await? {
                Some(_) => Ok(NetworkRole::Coordinator),
                None => Err(ServiceError::NotFound),
            };
        }
        let Some(user_id) = actor.user_id else { return Err(ServiceError::NotFound) };
        verband_store::network_role(&mut conn, user_id, network_id).await?.ok_or(ServiceError::NotFound)
    }

    pub(crate) async fn require_records_editor(&self, actor: &Actor, network_id: i64) -> Result<NetworkRole> {
        let role = self.role_in(actor, network_id).await?;
        if role.may_edit_records() {
            Ok(role)
        } else {
            Err(ServiceError::Forbidden)
        }
    }
}
