import AllianceTracker

@main
enum Entrypoint {
    static func main() async {
        EventLoopConcurrency.install()
        await Alliance.main()
    }
}
