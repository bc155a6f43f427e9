using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Privacy;

/// <summary>The list of addresses that want no announcements holds hashes, never the addresses.</summary>
public sealed class SuppressionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_address_suppressed_before_hashing_is_hashed_at_start_and_still_suppressed()
    {
        var address = $"Old-{Guid.NewGuid():N}@Example.org";
        await app.WithDb(async db =>
        {
            // As a row written before hashing held it: the upper-cased address itself.
            var row = EmailSuppression.Of(address, DateTimeOffset.UtcNow.AddYears(-1));
            db.Entry(row).Property(s => s.AddressKey).CurrentValue = EmailSuppression.Normalize(address);
            db.EmailSuppressions.Add(row);
            return await db.SaveChangesAsync();
        });

        await app.Services.MigrateAsync();

        var keys = await app.WithDb(db => db.EmailSuppressions.Select(s => s.AddressKey).ToListAsync());
        Assert.DoesNotContain(EmailSuppression.Normalize(address), keys);
        Assert.Contains(EmailSuppression.Hash(address), keys);
        Assert.All(keys, k => Assert.StartsWith("sha256:", k));
    }
}
