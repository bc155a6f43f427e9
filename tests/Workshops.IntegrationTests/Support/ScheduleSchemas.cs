using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using Json.Schema;

namespace Workshops.IntegrationTests.Support;

/// <summary>
/// The c3voc validators that conference apps check schedules with (voc/schedule: the JSON schema and the XSD, as pretalx
/// keeps them). Each answers the problems found, none when the document is valid.
/// </summary>
public static class ScheduleSchemas
{
    // Built once: the schema has an $id, and the schema registry refuses the same id twice.
    private static readonly Lazy<JsonSchema> Json = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features/Agenda/c3voc-schedule.schema.json"))));

    public static IReadOnlyList<string> JsonProblems(string json)
    {
        var result = Json.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? [] : (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
    }

    public static IReadOnlyList<string> XmlProblems(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Features/Agenda/c3voc-schedule.xsd"));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return problems;
    }
}
