import Foundation
import Hummingbird

/// The context every request carries through middleware and handlers.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is asking: set by `AuthenticationMiddleware` from a valid bearer token.
    public var identity: Identity?
    /// Why a bearer token that was sent is not accepted; nil when none was sent or it was.
    public var credentialsRejection: CredentialsRejection?
    /// The live summary's data version, read in the token's own statement when the
    /// token was accepted (`TokenRepository.live`): a live summary's repeat is served
    /// from the cache under it without another statement.
    var summaryDataVersion: Int64?
    /// Seconds until this client may try a token again: set when it has failed too often.
    public var authenticationBlockedFor: Int?
    /// The socket's peer address; nil when there is no socket (the router tests).
    public let peerAddress: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies over 1 MiB are refused with 413 (docs/rules.md §5).
    public static let maximumBodyBytes = 1 << 20
    public var maxUploadSize: Int { Self.maximumBodyBytes }

    public var requestDecoder: JSONDecoder { JSONCoding.decoder }
    public var responseEncoder: JSONEncoder { JSONCoding.encoder }
}
