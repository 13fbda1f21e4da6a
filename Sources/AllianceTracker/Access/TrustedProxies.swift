import Foundation

/// The proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`: addresses and
/// CIDR blocks, IPv4 or IPv6, comma-separated). Any other peer's header is ignored,
/// since a client can write whatever it likes there.
public struct TrustedProxies: Sendable, Equatable {
    struct Block: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            for bit in 0..<prefix where (address[bit / 8] ^ bytes[bit / 8]) & (0x80 >> UInt8(bit % 8)) != 0 {
                return false
            }
            return true
        }
    }

    let blocks: [Block]

    public static let none = TrustedProxies(blocks: [])

    init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// Parses `10.0.0.0/8, 127.0.0.1, ::1`; nil when an entry is not an address or block.
    public init?(_ list: String) {
        var blocks: [Block] = []
        for entry in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let bytes = Self.bytes(String(parts[0])) else { return nil }
            var prefix = bytes.count * 8
            if parts.count == 2 {
                guard let value = Int(parts[1]), (0...prefix).contains(value) else { return nil }
                prefix = value
            }
            blocks.append(Block(bytes: bytes, prefix: prefix))
        }
        self.blocks = blocks
    }

    func trusts(_ address: String) -> Bool {
        guard let bytes = Self.bytes(address) else { return false }
        return blocks.contains { $0.contains(bytes) }
    }

    /// Who is asking: the socket's peer, or, when the peer is a trusted proxy, the
    /// nearest address in `X-Forwarded-For` that is not itself a trusted proxy
    /// (read from the right: each proxy appends the address it saw).
    func client(peer: String?, forwardedFor: String?) -> String {
        guard let peer else { return "unknown" }
        guard trusts(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() where !trusts(hop) {
            return Self.bytes(hop) == nil ? peer : hop
        }
        return hops.first ?? peer
    }

    /// An IPv4 or IPv6 address as bytes (an IPv4-mapped IPv6 address as IPv4).
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let mapped = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        return mapped ? Array(bytes.suffix(4)) : bytes
    }
}
