using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Security;

namespace Workshops.Core.Data;

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(300);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresAt);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.Email).HasMaxLength(256);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Detail).HasMaxLength(300);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.UserId, e.At });
    }
}

public sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> b)
    {
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(200);
        b.HasIndex(c => c.WindowStart);
    }
}

public sealed class DataExportConfiguration : IEntityTypeConfiguration<Privacy.DataExport>
{
    public void Configure(EntityTypeBuilder<Privacy.DataExport> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.FileHash).HasMaxLength(64);
        b.HasIndex(e => e.UserId);
        // The person's copy goes with the account.
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PrivacySettingsConfiguration : IEntityTypeConfiguration<Privacy.PrivacySettings>
{
    public void Configure(EntityTypeBuilder<Privacy.PrivacySettings> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Controller).HasMaxLength(Privacy.PrivacySettings.MaxController);
        b.Property(s => s.UpdatedAt).IsConcurrencyToken();
    }
}

public sealed class ErasureRecordConfiguration : IEntityTypeConfiguration<Privacy.ErasureRecord>
{
    public void Configure(EntityTypeBuilder<Privacy.ErasureRecord> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.ByUserId).HasMaxLength(450);
        b.HasIndex(e => new { e.WorkshopId, e.At });
        b.HasIndex(e => e.At);
    }
}

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Privacy.Consent>
{
    public void Configure(EntityTypeBuilder<Privacy.Consent> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.UserId).HasMaxLength(450);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.TextVersion).HasMaxLength(16);
        b.HasIndex(c => c.UserId);
        b.HasIndex(c => c.RegistrationId);
    }
}

public sealed class ConsentTextConfiguration : IEntityTypeConfiguration<Privacy.ConsentText>
{
    public void Configure(EntityTypeBuilder<Privacy.ConsentText> b)
    {
        b.HasKey(t => t.Version);
        b.Property(t => t.Version).HasMaxLength(16);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.UserId).HasMaxLength(450);
        b.Property(t => t.Name).HasMaxLength(ApiToken.MaxName);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.Scopes).IsJsonList();
        b.Property(t => t.WorkshopIds).IsJsonList();
        b.Property(t => t.LastUsedAddress).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
