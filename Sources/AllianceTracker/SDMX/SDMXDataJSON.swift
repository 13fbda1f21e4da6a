import Foundation

/// SDMX-JSON 2.0.0 data: every dimension at the observation level
/// (`INDICATOR:REF_AREA:STATISTIC:TIME_PERIOD` indices), the value, then each
/// attribute's index into its values (null for none).
enum SDMXDataJSON {
    static let contentType = "application/vnd.sdmx.data+json;version=2.0.0"
    static let schema = "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json"

    /// `names`: per codelist, each code's name (coded values carry one).
    static func render(_ observations: [SDMXObservation], names: [String: [String: String]], id: String, prepared: Date) -> Data {
        let coded = { (codelist: String?, code: String) -> SDMXJSONValue in
            .object([("id", .string(code)), ("name", .string(codelist.flatMap { names[$0]?[code] } ?? code))])
        }
        let keyValues = (0..<SDMXKey.dimensions.count).map { i in ordered(observations.map { $0.seriesKey[i] }) }
        let years = ordered(observations.map { String($0.year) })
        let attributeValues: [[String]] = attributes.map { read in ordered(observations.compactMap(read)) }

        var dimensions: [SDMXJSONValue] = SDMXStructure.dimensions.enumerated().map { i, dimension in
            .object([
                ("id", .string(dimension.id)), ("keyPosition", .int(i)),
                ("values", .array(keyValues[i].map { coded(dimension.codelist, $0) })),
            ])
        }
        dimensions.append(
            .object([
                ("id", .string(SDMXStructure.time.id)), ("keyPosition", .int(SDMXKey.dimensions.count)), ("roles", ["TIME_PERIOD"]),
                ("values", .array(years.map { coded(nil, $0) })),
            ])
        )
        let attributeList: [SDMXJSONValue] = zip(SDMXStructure.attributes, attributeValues).map { component, values in
            .object([
                ("id", .string(component.id)),
                ("relationship", .object([("observation", .object([]))])),
                ("values", .array(values.map { component.codelist == nil ? .object([("value", .string($0))]) : coded(component.codelist, $0) })),
            ])
        }
        // a key seen again (`includeHistory`: the same figure in a later release) goes
        // into the next data set, since a data set holds each key once
        var cells: [[(String, SDMXJSONValue)]] = []
        var seen: [String: Int] = [:]
        for o in observations {
            let key =
                (0..<SDMXKey.dimensions.count).map { keyValues[$0].firstIndex(of: o.seriesKey[$0]) ?? 0 } + [
                    years.firstIndex(of: String(o.year)) ?? 0
                ]
            let value: SDMXJSONValue = o.value.map { .number($0) } ?? .null
            let indices: [SDMXJSONValue] = zip(attributes, attributeValues).map { read, values in
                read(o).flatMap { values.firstIndex(of: $0) }.map { .int($0) } ?? .null
            }
            let name = key.map(String.init).joined(separator: ":")
            let layer = seen[name, default: 0]
            seen[name] = layer + 1
            if layer == cells.count { cells.append([]) }
            cells[layer].append((name, .array([value] + indices)))
        }
        let dataflowLink = SDMXJSONValue.object([
            ("urn", .string(SDMXStructure.urn("datastructure.Dataflow", SDMXStructure.dataflow))), ("rel", "Dataflow"),
        ])
        let structure = SDMXJSONValue.object([
            ("links", [dataflowLink]),
            ("dimensions", .object([("dataSet", []), ("series", []), ("observation", .array(dimensions))])),
            ("measures", .object([("observation", [.object([("id", .string(SDMXStructure.measure.id))])])])),
            ("attributes", .object([("dataSet", []), ("series", []), ("observation", .array(attributeList))])),
        ])
        let dataSets = cells.map { layer in
            SDMXJSONValue.object([
                ("links", [dataflowLink]), ("structure", .int(0)), ("action", "Information"), ("observations", .object(layer)),
            ])
        }
        let message = SDMXJSONValue.object([
            ("meta", SDMXMeta.value(id: id, prepared: prepared, schema: schema)),
            ("data", .object([("structures", [structure]), ("dataSets", .array(dataSets))])),
        ])
        return message.encoded()
    }

    /// Each attribute's value as the message lists it, in `SDMXStructure.attributes` order.
    static let attributes: [@Sendable (SDMXObservation) -> String?] = [
        { $0.unit }, { $0.confStatus }, { $0.obsStatus }, { String($0.release) }, { String($0.revised) }, { String($0.countries) },
    ]

    /// The distinct values, in the order first seen.
    private static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
