using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Core.Data;

internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> b)
    {
        // Two organisers may edit it at once: a save from a stale form fails instead of overwriting (see Versions).
        b.Property(x => x.UpdatedAt).IsConcurrencyToken();
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Title).HasMaxLength(MaterialDetails.MaxTitle);
        b.Property(m => m.Speakers).HasMaxLength(MaterialDetails.MaxSpeakers);
        b.Property(m => m.Link).HasMaxLength(MaterialDetails.MaxLink);
        b.Property(m => m.FileHash).HasMaxLength(64);
        b.Property(m => m.FileName).HasMaxLength(SafeFileName.MaxLength);
        b.Property(m => m.ContentType).HasMaxLength(120);
        b.Property(m => m.SourceKey).HasMaxLength(100);
        b.Property(m => m.CreatedById).HasMaxLength(450);
        b.HasIndex(m => m.WorkshopId);
        b.HasIndex(m => m.AgendaItemId);
        b.HasIndex(m => m.ArchivedEventId);
        b.HasIndex(m => m.FileHash);
        b.HasIndex(m => m.SourceKey).IsUnique();
        b.HasOne<Workshop>().WithMany().HasForeignKey(m => m.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ArchivedEvent>().WithMany().HasForeignKey(m => m.ArchivedEventId).OnDelete(DeleteBehavior.Cascade);
        // A session taken off the agenda leaves its materials with the workshop.
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(m => m.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(m => m.Files).WithOne().HasForeignKey(f => f.MaterialId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(m => m.IsLink);
        b.ToTable(t => t.HasCheckConstraint("CK_Materials_OneOwner", "(\"WorkshopId\" IS NULL) <> (\"ArchivedEventId\" IS NULL)"));
    }
}

internal sealed class MaterialFileConfiguration : IEntityTypeConfiguration<MaterialFile>
{
    public void Configure(EntityTypeBuilder<MaterialFile> b)
    {
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Hash).HasMaxLength(64);
        b.Property(f => f.FileName).HasMaxLength(SafeFileName.MaxLength);
        b.Property(f => f.ContentType).HasMaxLength(120);
        b.Property(f => f.UploadedById).HasMaxLength(450);
        b.HasIndex(f => new { f.MaterialId, f.Number }).IsUnique();
        b.HasIndex(f => f.Hash);
    }
}

internal sealed class FileTextConfiguration : IEntityTypeConfiguration<FileText>
{
    public void Configure(EntityTypeBuilder<FileText> b)
    {
        b.HasKey(t => t.Hash);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.Problem).HasMaxLength(500);
    }
}

internal sealed class ArchivedEventConfiguration : IEntityTypeConfiguration<ArchivedEvent>
{
    public void Configure(EntityTypeBuilder<ArchivedEvent> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Slug).HasMaxLength(100);
        b.Property(e => e.Title).HasMaxLength(300);
        b.Property(e => e.DateText).HasMaxLength(200);
        b.Property(e => e.City).HasMaxLength(100);
        b.Property(e => e.Country).HasMaxLength(100);
        b.Property(e => e.Venue).HasMaxLength(300);
        b.Property(e => e.Description).HasMaxLength(20_000);
        b.Property(e => e.SourceKey).HasMaxLength(100);
        b.HasIndex(e => e.Slug).IsUnique();
        b.HasIndex(e => e.SourceKey).IsUnique();
        b.HasIndex(e => e.StartsOn);
        b.Ignore(e => e.Year);
    }
}

/// <summary>
/// The full-text part is provider SQL in the migrations (an FTS5 table kept by triggers on SQLite, a generated
/// tsvector column with a GIN index on PostgreSQL); EF sees only the plain columns.
/// </summary>
internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> b)
    {
        b.Property(d => d.Id).ValueGeneratedOnAdd();
        b.Property(d => d.Scope).HasMaxLength(40);
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.Speakers).HasMaxLength(1000);
        b.Property(d => d.Url).HasMaxLength(300);
        b.Property(d => d.Context).HasMaxLength(300);
        b.Property(d => d.Country).HasMaxLength(100);
        b.Property(d => d.StartsLocal).HasMaxLength(16);
        b.HasIndex(d => d.Scope);
        // The search's filters: PostgreSQL combines them with the full-text index (a bitmap AND) instead of reading every
        // match to drop the other years. SQLite filters inside its full-text index (see ArchiveSearch).
        b.HasIndex(d => d.Year);
        b.HasIndex(d => d.EventType);
        b.HasIndex(d => d.Country);
    }
}

internal sealed class ArchiveImportConfiguration : IEntityTypeConfiguration<ArchiveImport>
{
    public void Configure(EntityTypeBuilder<ArchiveImport> b)
    {
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.FileHash).HasMaxLength(64);
        b.Property(i => i.FileName).HasMaxLength(SafeFileName.MaxLength);
        b.Property(i => i.StartedById).HasMaxLength(450);
        b.Property(i => i.Summary).HasMaxLength(2000);
        b.HasIndex(i => i.CreatedAt);
    }
}
