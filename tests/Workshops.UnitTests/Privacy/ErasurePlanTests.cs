using Microsoft.EntityFrameworkCore.Metadata;
using Workshops.Core.Privacy;
using Xunit;

namespace Workshops.UnitTests.Privacy;

/// <summary>The erasure says what becomes of every personal column the model has; the integration tests check that it does it.</summary>
public sealed class ErasurePlanTests
{
    private static readonly IModel Model = PersonalColumnsTests.Model();

    private static Type Root(IProperty property)
    {
        var type = (IEntityType)property.DeclaringType;
        while (type.FindOwnership() is { } ownership) type = ownership.PrincipalEntityType;
        return type.ClrType;
    }

    [Fact]
    public void Every_personal_column_in_the_model_is_erased_or_says_why_it_stays()
    {
        var missing = PersonalColumns.Marked(Model)
            .Where(p => !AccountEraser.RowsDeleted.ContainsKey(Root(p)) && !AccountEraser.Columns.ContainsKey((p.DeclaringType.ClrType, p.Name)))
            .Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}").ToList();
        Assert.True(missing.Count == 0, "Say in AccountEraser what becomes of these, and do it:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_column_that_names_who_acted_is_cleared()
    {
        // The rows stay (an admission, a published agenda): deleting the person's own rows does not reach these.
        var missing = PersonalColumns.ActedBy(Model).Where(p => !AccountEraser.Columns.ContainsKey((p.DeclaringType.ClrType, p.Name)))
            .Select(p => $"{p.DeclaringType.ClrType.Name}.{p.Name}").ToList();
        Assert.True(missing.Count == 0, "Clear these in AccountEraser:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void What_the_erasure_describes_is_in_the_model()
    {
        var columns = Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Select(p => (p.DeclaringType.ClrType, p.Name)).ToHashSet();
        Assert.All(AccountEraser.Columns.Keys, k => Assert.Contains(k, columns));
    }
}
