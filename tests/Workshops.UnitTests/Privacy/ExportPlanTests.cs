using Microsoft.EntityFrameworkCore.Metadata;
using Workshops.Core.Privacy;
using Xunit;

namespace Workshops.UnitTests.Privacy;

public sealed class ExportPlanTests
{
    private static readonly IModel Model = PersonalColumnsTests.Model();

    private static IEnumerable<string> Fields(IEntityType type, IReadOnlyDictionary<string, string> omitted)
    {
        foreach (var p in PersonalRecord.Columns(type).Where(p => !omitted.ContainsKey(p.Name)))
        {
            yield return p.Name;
            if (p.Name.Length > 2 && p.Name.EndsWith("Id", StringComparison.Ordinal) && (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?))) yield return p.Name[..^2];
        }
        foreach (var n in type.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !omitted.ContainsKey(n.Name)))
        {
            yield return n.Name;
            foreach (var f in Fields(n.TargetEntityType, omitted)) yield return f;
        }
    }

    [Fact]
    public void Every_exported_column_has_a_name_in_the_readable_file()
    {
        var missing = ExportPlan.Parts.SelectMany(p => Fields(Model.GetEntityTypes().First(t => t.ClrType == p.Type), p.Omitted))
            .Distinct().Where(f => !ExportLabels.Has(f)).Order().ToList();
        Assert.True(missing.Count == 0, "Name these in ExportLabels:\n" + string.Join("\n", missing));
    }

    /// <summary>Whether some part writes the column: its own type's part, or its owner's with the owned rows in it.</summary>
    private static bool Exported(IProperty property)
    {
        var type = (IEntityType)property.DeclaringType;
        foreach (var part in ExportPlan.Parts)
        {
            var root = Model.GetEntityTypes().First(t => t.ClrType == part.Type);
            if (Reaches(root, type, part.Omitted) && !part.Omitted.ContainsKey(property.Name) && PersonalRecord.Columns(type).Contains(property)) return true;
        }
        return false;
    }

    private static bool Reaches(IEntityType from, IEntityType to, IReadOnlyDictionary<string, string> omitted) =>
        from == to || from.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !omitted.ContainsKey(n.Name)).Any(n => Reaches(n.TargetEntityType, to, omitted));

    /// <summary>Left out by the part that exports its rows, which says why (an email's body, with its private links).</summary>
    private static bool OmittedWithReason(IProperty property) => ExportPlan.Parts.Any(part =>
        part.Omitted.ContainsKey(property.Name) && Reaches(Model.GetEntityTypes().First(t => t.ClrType == part.Type), (IEntityType)property.DeclaringType, new Dictionary<string, string>()));

    [Fact]
    public void Every_personal_column_in_the_model_is_exported_or_says_why_not()
    {
        var missing = PersonalColumns.Marked(Model)
            .Where(p => !Exported(p) && !ExportPlan.NotExported.ContainsKey((p.DeclaringType.ClrType, p.Name)) && !OmittedWithReason(p))
            .Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}").ToList();
        Assert.True(missing.Count == 0, "Export these (a part in ExportPlan) or say why not (ExportPlan.NotExported):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void What_the_plan_says_is_not_exported_is_still_a_personal_column()
    {
        var marked = PersonalColumns.Marked(Model).Select(p => (p.DeclaringType.ClrType, p.Name)).ToHashSet();
        Assert.All(ExportPlan.NotExported.Keys, k => Assert.Contains(k, marked));
    }
}
