using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Webhooks;

namespace Workshops.Core.Data;

public sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.OwnerId).HasMaxLength(450);
        b.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrl);
        b.Property(e => e.Description).HasMaxLength(WebhookEndpoint.MaxDescription);
        b.Property(e => e.Events).IsJsonList();
        b.Property(e => e.WorkshopIds).IsJsonList();
        b.Property(e => e.SecretCipher).HasMaxLength(1000);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        // Two organisers may edit it at once: a save from a stale form fails instead of overwriting (see Versions).
        b.Property(e => e.UpdatedAt).IsConcurrencyToken();
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Event).HasMaxLength(50);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxError);
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasIndex(d => new { d.EndpointId, d.CreatedAt });
        b.HasIndex(d => d.ClaimToken);
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
