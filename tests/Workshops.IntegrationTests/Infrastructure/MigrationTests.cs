using Microsoft.EntityFrameworkCore;
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
}
