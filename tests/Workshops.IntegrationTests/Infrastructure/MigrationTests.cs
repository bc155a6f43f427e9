using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Workshops.Core.Data;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Infrastructure;

public sealed class MigrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Model_has_no_changes_without_a_migration()
    {
        // Fails when someone changes the model and forgets migrations/add.sh (which adds one for both providers).
        var pending = await app.WithDb(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The model has changes with no {app.Database.Provider} migration: run migrations/add.sh NameOfTheChange");
    }

    [Fact]
    public async Task Every_migration_is_applied_at_start()
    {
        var pending = await app.WithDb(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(pending);
        var applied = await app.WithDb(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.NotEmpty(applied);
    }

    [Fact]
    public async Task The_site_uses_the_compiled_model_and_it_matches_the_configurations()
    {
        // Fails when someone changes the model and forgets migrations/add.sh, which also writes the compiled model.
        var problems = await app.WithDb(db =>
        {
            var provider = Enum.Parse<DatabaseProvider>(app.Database.Provider);
            Assert.Same(CompiledModels.For(provider), db.Model);
            var built = db.GetService<IDesignTimeModel>().Model;
            var found = new List<string>();
            found.AddRange(Shape(built).Except(Shape(db.Model)).Select(s => "configured but not compiled: " + s));
            found.AddRange(Shape(db.Model).Except(Shape(built)).Select(s => "compiled but not configured: " + s));
            return Task.FromResult(found);
        });
        Assert.True(problems.Count == 0, $"The compiled model of {app.Database.Provider} is out of date (run migrations/add.sh): " + string.Join("; ", problems.Take(10)));
    }

    /// <summary>Tables and their columns, and what the tables do not show: properties with their types and converters, navigations and keys.</summary>
    private static IEnumerable<string> Shape(IModel model) => model.GetRelationalModel().Tables.SelectMany(t =>
        t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}")).Concat(model.GetEntityTypes().SelectMany(e =>
        e.GetProperties().Select(p => $"{e.Name}.{p.Name}: {p.ClrType.Name} as {p.GetProviderClrType()?.Name ?? "-"} via {p.GetTypeMapping().Converter?.GetType().Name ?? "-"}, {(p.IsNullable ? "null" : "required")}, {p.GetMaxLength()}, {p.IsConcurrencyToken}")
            .Concat(e.GetNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name}{(n.IsCollection ? "[]" : "")}"))
            .Concat(e.GetKeys().Select(k => $"{e.Name} key {string.Join(",", k.Properties.Select(p => p.Name))}"))
            .Concat(e.GetForeignKeys().Select(f => $"{e.Name} fk {string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}"))
            .Concat(e.GetIndexes().Select(i => $"{e.Name} index {string.Join(",", i.Properties.Select(p => p.Name))} {i.IsUnique}"))));
}
