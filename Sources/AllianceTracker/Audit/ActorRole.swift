import PostgresNIO

/// Whom an audit entry names as the actor.
enum ActorRole: String, DatabaseEnum {
    case secretariat
    case country
    /// The service itself, such as a scheduled change.
    case system
}
