import Foundation

/// An SDMX-JSON 2.0.0 structure message with the artefacts a query asked for.
struct SDMXStructureMessage: Sendable {
    static let contentType = "application/vnd.sdmx.structure+json;version=2.0.0"
    static let schema =
        "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json"

    enum Kind: String, Sendable {
        case dataflow, datastructure, codelist
    }

    var kind: Kind
    var codelists: [SDMXStructure.Codelist]

    func artefacts(_ query: SDMXArtefactQuery) -> [(String, SDMXJSONValue)] {
        let wanted = { (id: String) in query.matches(agency: SDMXStructure.agency, id: id, version: SDMXStructure.version) }
        return switch kind {
        case .dataflow: wanted(SDMXStructure.dataflow) ? [("dataflows", [Self.dataflow])] : []
        case .datastructure:
            wanted(SDMXStructure.dataStructure) ? [("dataStructures", [Self.dataStructure]), ("conceptSchemes", [Self.concepts])] : []
        case .codelist:
            codelists.filter { wanted($0.id) }.isEmpty ? [] : [("codelists", .array(codelists.filter { wanted($0.id) }.map(Self.codelist)))]
        }
    }

    static func message(_ artefacts: [(String, SDMXJSONValue)], id: String, prepared: Date) -> SDMXJSONValue {
        .object([("meta", SDMXMeta.value(id: id, prepared: prepared, schema: schema)), ("data", .object(artefacts))])
    }

    private static func identity(_ id: String, _ name: String) -> [(String, SDMXJSONValue)] {
        [("agencyID", .string(SDMXStructure.agency)), ("id", .string(id)), ("name", .string(name)), ("version", .string(SDMXStructure.version))]
    }

    static let dataflow = SDMXJSONValue.object(
        identity(SDMXStructure.dataflow, "Published statistics of the Alliance")
            + [("structure", .string(SDMXStructure.urn("datastructure.DataStructure", SDMXStructure.dataStructure)))]
    )

    static func codelist(_ list: SDMXStructure.Codelist) -> SDMXJSONValue {
        .object(identity(list.id, list.name) + [("codes", .array(list.codes.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) }))])
    }

    static var concepts: SDMXJSONValue {
        let all = SDMXStructure.dimensions + [SDMXStructure.time, SDMXStructure.measure] + SDMXStructure.attributes
        return .object(
            identity(SDMXStructure.conceptScheme, "Concepts of the published statistics")
                + [("concepts", .array(all.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) }))]
        )
    }

    private static func component(_ c: SDMXStructure.Component, position: Int? = nil) -> [(String, SDMXJSONValue)] {
        var members: [(String, SDMXJSONValue)] = [("id", .string(c.id))]
        if let position { members.append(("position", .int(position))) }
        members.append(("conceptIdentity", .string(SDMXStructure.conceptURN(c.id))))
        if let codelist = c.codelist {
            members.append(("localRepresentation", .object([("enumeration", .string(SDMXStructure.urn("codelist.Codelist", codelist)))])))
        } else if let type = c.dataType {
            members.append(("localRepresentation", .object([("format", .object([("dataType", .string(type))]))])))
        }
        return members
    }

    static var dataStructure: SDMXJSONValue {
        let dimensions = SDMXStructure.dimensions.enumerated().map { SDMXJSONValue.object(component($1, position: $0)) }
        let time = SDMXJSONValue.object(component(SDMXStructure.time, position: SDMXStructure.dimensions.count))
        let attributes = SDMXStructure.attributes.map { attribute in
            SDMXJSONValue.object(
                component(attribute) + [
                    ("attributeRelationship", .object([("observation", .object([]))])),
                    ("usage", .string(attribute.mandatory ? "mandatory" : "optional")),
                    ("measureRelationship", ["OBS_VALUE"]),
                ]
            )
        }
        let components = SDMXJSONValue.object([
            ("dimensionList", .object([("id", "DimensionDescriptor"), ("dimensions", .array(dimensions)), ("timeDimension", time)])),
            ("measureList", .object([("id", "MeasureDescriptor"), ("measures", [.object(component(SDMXStructure.measure))])])),
            ("attributeList", .object([("id", "AttributeDescriptor"), ("attributes", .array(attributes))])),
        ])
        return .object(identity(SDMXStructure.dataStructure, "Published statistics of the Alliance") + [("dataStructureComponents", components)])
    }
}

/// The `meta` of an SDMX-JSON message.
enum SDMXMeta {
    static let sender = "ALLIANCE"

    static func value(id: String, prepared: Date, schema: String) -> SDMXJSONValue {
        .object([
            ("schema", .string(schema)),
            ("id", .string(id)),
            ("test", .bool(false)),
            ("prepared", .string(prepared.formatted(.iso8601))),
            ("contentLanguages", ["en"]),
            ("sender", .object([("id", .string(sender))])),
        ])
    }
}
