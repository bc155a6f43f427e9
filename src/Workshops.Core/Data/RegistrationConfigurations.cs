using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Core.Data;

internal sealed class RegistrationSetupConfiguration : IEntityTypeConfiguration<RegistrationSetup>
{
    public void Configure(EntityTypeBuilder<RegistrationSetup> b)
    {
        // Two organisers may edit it at once: a save from a stale form fails instead of overwriting (see Versions).
        b.Property(x => x.UpdatedAt).IsConcurrencyToken();
        b.HasKey(r => r.WorkshopId);
        b.HasOne<Workshop>().WithOne().HasForeignKey<RegistrationSetup>(r => r.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.TimeZoneId).HasMaxLength(64);
        b.Property(r => r.PrivacyNotice).IsOptionalLocalText();
        b.Property(r => r.CheckInKey).HasMaxLength(64);
        b.HasMany(r => r.Questions).WithOne().HasForeignKey(q => q.WorkshopId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Questions).AutoInclude();
    }
}

internal sealed class RegistrationQuestionConfiguration : IEntityTypeConfiguration<RegistrationQuestion>
{
    public void Configure(EntityTypeBuilder<RegistrationQuestion> b)
    {
        b.ToTable("RegistrationQuestions");
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Text).IsLocalText();
        b.Property(q => q.ChoiceTexts).IsOptionalLocalText();
        b.PrimitiveCollection(q => q.Options);
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.PassportNationality).HasMaxLength(RegistrationDetails.MaxNationality);
        b.Property(r => r.LetterApprovedById).HasMaxLength(450);
        b.Ignore(r => r.LetterAvailable);
        b.Property(r => r.Name).HasMaxLength(RegistrationDetails.MaxName);
        b.Property(r => r.Email).HasMaxLength(RegistrationDetails.MaxEmail);
        b.Property(r => r.NormalizedEmail).HasMaxLength(RegistrationDetails.MaxEmail);
        b.Property(r => r.Institution).HasMaxLength(RegistrationDetails.MaxInstitution);
        b.Property(r => r.Country).HasMaxLength(RegistrationDetails.MaxCountry);
        b.Property(r => r.Role).HasMaxLength(RegistrationDetails.MaxRole);
        b.Property(r => r.Language).HasMaxLength(16).HasDefaultValue("en");
        // Every change sets UpdatedAt: two organisers deciding the same registration at once cannot both win.
        b.Property(r => r.UpdatedAt).IsConcurrencyToken();
        // One live registration per email and workshop; a cancelled one stays in the records and does not stop the
        // person registering again (the cancellation email says they may). The same SQL works on both databases.
        b.HasIndex(r => new { r.WorkshopId, r.NormalizedEmail }).IsUnique().HasFilter("\"Status\" <> 'Cancelled'");
        b.HasIndex(r => new { r.WorkshopId, r.Status, r.TrackId });
        // A person's registrations, and whether they hold one for a workshop: one probe, not a walk through the workshop's.
        b.HasIndex(r => new { r.UserId, r.WorkshopId });
        b.HasOne<Workshop>().WithMany().HasForeignKey(r => r.WorkshopId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(r => r.Answers, a =>
        {
            a.ToTable("RegistrationAnswers");
            a.WithOwner().HasForeignKey(x => x.RegistrationId);
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.HasIndex(x => new { x.RegistrationId, x.QuestionId }).IsUnique();
            a.Property(x => x.Value).HasMaxLength(6000);
        });
    }
}

internal sealed class SeatCounterConfiguration : IEntityTypeConfiguration<SeatCounter>
{
    public void Configure(EntityTypeBuilder<SeatCounter> b)
    {
        b.HasKey(c => new { c.WorkshopId, c.Scope });
        b.Property(c => c.Scope).HasMaxLength(32);
        b.HasOne<Workshop>().WithMany().HasForeignKey(c => c.WorkshopId).OnDelete(DeleteBehavior.Cascade);
    }
}
