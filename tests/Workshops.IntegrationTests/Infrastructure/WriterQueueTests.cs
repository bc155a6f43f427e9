using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.IntegrationTests.Support;
using Workshops.Tests.Shared;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>
/// Transactions queue in the process before SQLite's write lock (SqliteWriterQueue). These show the queue never
/// keeps a place for a transaction that ended badly, and that queued writers all get their turn. On PostgreSQL, where
/// nothing queues in the process, the same tests pass through row locks.
/// </summary>
public sealed class WriterQueueTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Long enough for any healthy transaction, far shorter than the queue's 30 s wait for a place never given back.
    private static CancellationToken Soon() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    [Fact]
    public async Task A_transaction_abandoned_by_an_exception_gives_its_place_back()
    {
        var workshop = await app.AddWorkshopAsync($"q-{Guid.NewGuid():N}"[..20]);
        await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDb<int>(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await Bump(db, workshop.Id, CancellationToken.None);
            throw new InvalidOperationException("something broke half-way");
        }));

        // Neither commit nor rollback was called above: the next transaction still starts at once, and the bump is gone.
        var after = await app.WithDb(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(Soon());
            await Bump(db, workshop.Id, Soon());
            await tx.CommitAsync(Soon());
            return await Taken(db, workshop.Id);
        });
        Assert.Equal(1, after);
    }

    [Fact]
    public async Task A_context_handed_back_to_the_pool_mid_transaction_gives_its_place_back()
    {
        var workshop = await app.AddWorkshopAsync($"q-{Guid.NewGuid():N}"[..20]);
        await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);

        // The connection is opened by the code, not by the transaction, so ending the transaction does not close it:
        // only the pool's reset of the context does.
        await app.WithDb(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var tx = await db.Database.BeginTransactionAsync();
            await Bump(db, workshop.Id, CancellationToken.None);
            return 0;
        });

        // The pool hands that same context to the next request; this transaction runs on another one.
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db = second.ServiceProvider.GetRequiredService<AppDbContext>();
        await using (var tx = await db.Database.BeginTransactionAsync(Soon()))
        {
            await Bump(db, workshop.Id, Soon());
            await tx.CommitAsync(Soon());
        }
        Assert.Equal(1, await Taken(db, workshop.Id));
    }

    [Fact]
    public async Task Many_writers_at_once_each_get_their_turn()
    {
        var workshop = await app.AddWorkshopAsync($"q-{Guid.NewGuid():N}"[..20]);
        await app.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => app.WithDb(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await Bump(db, workshop.Id, CancellationToken.None);
            if (i % 4 == 0)
            {
                await tx.RollbackAsync();
                return 0;
            }
            await tx.CommitAsync();
            return 1;
        }))));

        Assert.Equal(30, await app.WithDb(db => Taken(db, workshop.Id)));
    }

    private static Task<int> Bump(AppDbContext db, Guid workshopId, CancellationToken ct) =>
        db.SeatCounters.Where(c => c.WorkshopId == workshopId && c.Scope == SeatCounter.Total)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Taken, c => c.Taken + 1), ct);

    private static Task<int> Taken(AppDbContext db, Guid workshopId) =>
        db.SeatCounters.Where(c => c.WorkshopId == workshopId && c.Scope == SeatCounter.Total).Select(c => c.Taken).SingleAsync();
}
