using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Mm2Dr.Core.Serialization
{
    /// <summary>Parses JSON message values into plain CLR values: ordered dictionaries, lists, strings, numbers, booleans.</summary>
    public static class JsonValueReader
    {
        /// <summary>The parsed value, or throws <see cref="JsonException"/> for text that is not JSON.</summary>
        public static object? Parse(ReadOnlyMemory<byte> utf8)
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Convert(document.RootElement);
        }

        private static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new List<KeyValuePair<string, object?>>();
                    foreach (var property in element.EnumerateObject())
                    {
                        map.Add(new KeyValuePair<string, object?>(property.Name, Convert(property.Value)));
                    }

                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in element.EnumerateArray())
                    {
                        list.Add(Convert(item));
                    }

                    return list.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt32(out var i))
                    {
                        return i;
                    }

                    if (element.TryGetInt64(out var l))
                    {
                        return l;
                    }

                    if (element.TryGetDecimal(out var m))
                    {
                        return m;
                    }

                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
