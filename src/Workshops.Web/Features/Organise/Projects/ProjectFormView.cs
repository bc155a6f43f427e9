using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise.Projects;

/// <summary>The form with what it offers to tick: every workshop and past event.</summary>
public sealed record ProjectFormView(ProjectForm Form, IReadOnlyList<Workshop> Workshops, IReadOnlyList<ArchivedEvent> Events);
