using System.Collections.Generic;
using Mm2Dr.Session;

namespace Mm2Dr.Completion
{
    public sealed class TopicNameCompleter : CachedNameCompleter
    {
        private protected override IReadOnlyList<string> Names(ModuleSession session, string? bootstrap, string prefix) => session.Names.Topics(bootstrap, prefix);
    }
}
