import Foundation
import Testing

@Suite("assay rules")
struct RulesCommandTests {
    @Test("rules check on the bundled packs reports no errors")
    func lintBundled() throws {
        let result = try AssayProcess.run(["rules", "check", "rules"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4 packs"))
    }

    @Test("rules test runs every embedded example and reports per rule")
    func testBundled() throws {
        let result = try AssayProcess.run(["rules", "test"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("PASS ADV-CN-ABSOLUTE"))
        #expect(result.stdout.contains(" 0 failed"))
    }

    @Test("rules test exits 1 and shows the failing example when an example does not hold")
    func failingExample() throws {
        let pack = try AssayProcess.writeDemoPack("""
            vocabulary words { "fake" }
            rule R1 {
              title "One"
              category counterfeit
              severity high
              kinds listing
              references law
              message "{match}"
              when title matches terms(words)
              examples {
                fires "a fake bag" expect "fake"
                fires "a replica bag"
                passes "a real bag"
              }
            }
            """)
        let result = try AssayProcess.run(["rules", "test", pack])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL R1 (3 examples)"), "\(result.stdout)")
        #expect(result.stdout.contains("demo.assay:17:5: fires: did not fire"), "\(result.stdout)")
        #expect(result.stdout.contains("2 passed, 1 failed"))
    }

    @Test("rules list names every rule with severity, category, kinds and markets")
    func listRules() throws {
        let result = try AssayProcess.run(["rules", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("advertising"))
        #expect(result.stdout.contains("ADV-CN-ABSOLUTE"))
        #expect(result.stdout.contains("TAX-AU-GST"))
    }

    @Test("help lists the subcommands and the exit codes")
    func help() throws {
        let result = try AssayProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("check"))
        #expect(result.stdout.contains("rules"))
        #expect(result.stdout.contains("Exit codes"))
    }
}
