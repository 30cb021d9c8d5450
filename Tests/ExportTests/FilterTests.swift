import Export
import Foundation
import Testing

/// Every operator on the fixture's records; expectations are computed from the raw catalog columns,
/// independently of the record mapping and the filter code.
@Suite struct FilterTests {
    static func kept(_ filters: [FilterConfig]) async throws -> (kept: [ExportRecord], all: [ExportRecord]) {
        let records = try await ExportFixture.input().records
        return (try RecordFilter(filters).apply(records), records)
    }

    static func rawPrice(_ record: ExportRecord) -> Double? { record.raw["spot"] == "False" ? Double(record.raw["price"] ?? "") : nil }

    @Test func eqAndNeOnTextAndNumbers() async throws {
        let (eq, all) = try await Self.kept([FilterConfig(field: "provider", condition: .eq(.text("aws")))])
        #expect(eq.count == 17 && eq.allSatisfy { $0.provider == "aws" })
        let (ne, _) = try await Self.kept([FilterConfig(field: "provider", condition: .ne(.text("aws")))])
        #expect(ne.count == all.count - 17)
        let (eight, _) = try await Self.kept([FilterConfig(field: "accelerator_count", condition: .eq(.number(8)))])
        #expect(eight.count == all.filter { $0.raw["gpu_count"] == "8" }.count && !eight.isEmpty)
        // ne on a field that is null keeps the record: null equals nothing.
        let (notH100, _) = try await Self.kept([FilterConfig(field: "accelerator_name", condition: .ne(.text("H100")))])
        #expect(notH100.count == all.filter { $0.raw["gpu_name"] != "H100" }.count)
        #expect(notH100.contains { $0.acceleratorName == nil })
    }

    @Test(arguments: [("lt", 2.0), ("lte", 2.0), ("gt", 2.0), ("gte", 2.0)])
    func comparisons(op: String, bound: Double) async throws {
        let condition: FilterConfig.Condition = switch op {
        case "lt": .lt(bound)
        case "lte": .lte(bound)
        case "gt": .gt(bound)
        default: .gte(bound)
        }
        let (kept, all) = try await Self.kept([FilterConfig(field: "price", condition: condition)])
        let expected = all.filter { record in
            guard let price = Self.rawPrice(record) else { return false }  // spot rows have no price
            return switch op {
            case "lt": price < bound
            case "lte": price <= bound
            case "gt": price > bound
            default: price >= bound
            }
        }
        #expect(kept == expected)
        #expect(!kept.isEmpty)
    }

    @Test func betweenIsInclusive() async throws {
        let (kept, all) = try await Self.kept([FilterConfig(field: "price", condition: .between(min: 1.0, max: 2.0))])
        #expect(kept == all.filter { Self.rawPrice($0).map { $0 >= 1.0 && $0 <= 2.0 } ?? false })
        #expect(kept.contains { $0.price == 1.0 } && kept.contains { $0.price == 2.0 })
    }

    @Test func inAndNotIn() async throws {
        let gpus: [FilterValue] = [.text("H100"), .text("H200")]
        let (kept, all) = try await Self.kept([FilterConfig(field: "accelerator_name", condition: .isIn(gpus))])
        #expect(kept == all.filter { ["H100", "H200"].contains($0.raw["gpu_name"] ?? "") } && !kept.isEmpty)
        let (rest, _) = try await Self.kept([FilterConfig(field: "accelerator_name", condition: .notIn(gpus))])
        #expect(rest.count + kept.count == all.count)
        let (counts, _) = try await Self.kept([FilterConfig(field: "accelerator_count", condition: .isIn([.number(1), .number(2)]))])
        #expect(counts == all.filter { ["1", "2"].contains($0.raw["gpu_count"] ?? "") })
    }

    @Test func regexContainsAndStartsWith() async throws {
        let (regex, all) = try await Self.kept([FilterConfig(field: "instance_type", condition: .regex("^[0-9]+H100\\."))])
        #expect(regex == all.filter { ($0.raw["instance_name"] ?? "").range(of: "^[0-9]+H100\\.", options: .regularExpression) != nil })
        #expect(!regex.isEmpty)
        let (contains, _) = try await Self.kept([FilterConfig(field: "instance_type", condition: .contains("SXM"))])
        #expect(contains == all.filter { $0.raw["instance_name"]?.contains("SXM") == true } && !contains.isEmpty)
        let (prefix, _) = try await Self.kept([FilterConfig(field: "instance_type", condition: .startsWith("NVIDIA"))])
        #expect(prefix == all.filter { $0.raw["instance_name"]?.hasPrefix("NVIDIA") == true } && !prefix.isEmpty)
        // Text operators never match a null field.
        let (none, _) = try await Self.kept([FilterConfig(field: "accelerator_name", condition: .regex(".*"))])
        #expect(none.count == all.count - 9)
    }

    @Test func isNullAndIsNotNull() async throws {
        let (nulls, all) = try await Self.kept([FilterConfig(field: "spot_price", condition: .isNull)])
        #expect(nulls == all.filter { $0.raw["spot"] == "False" })
        let (set, _) = try await Self.kept([FilterConfig(field: "spot_price", condition: .isNotNull)])
        #expect(set.count == 25)
    }

    @Test func everyFilterMustHold() async throws {
        let (kept, all) = try await Self.kept([
            FilterConfig(field: "provider", condition: .eq(.text("verda"))),
            FilterConfig(field: "accelerator_count", condition: .gte(2)),
            FilterConfig(field: "price", condition: .isNotNull),
        ])
        #expect(kept == all.filter { $0.provider == "verda" && (Int($0.raw["gpu_count"] ?? "") ?? 0) >= 2 && $0.raw["spot"] == "False" })
        #expect(!kept.isEmpty)
        #expect(try RecordFilter([]).apply(all) == all)
    }
}
