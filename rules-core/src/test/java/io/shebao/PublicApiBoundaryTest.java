package io.shebao;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 公开接口的边界: no public or protected member of the API packages (everything in rules-core outside
 * {@code io.shebao.internal}) names a type of {@code io.shebao.internal} — not as a supertype, field, record
 * component, return, parameter, thrown or type-parameter type, nor inside a generic argument. An embedder who
 * uses only what the Javadoc shows can then never be handed an internal type. Nor a Guava type: Guava is how
 * rules-core is written, not part of its contract, so an embedder may use another Guava version or none.
 */
public class PublicApiBoundaryTest {
    /** Packages whose types the API must not name. */
    private static final List<String> NOT_API = List.of("io.shebao.internal.", "com.google.common.");

    /**
     * Members allowed to name an internal type, each with the reason. Keep it short: a new entry needs a reason
     * an embedder would accept.
     */
    private static final Map<String, String> ALLOWED = Map.of();

    @Test
    void apiPackagesExposeNoInternalType() {
        List<Class<?>> api = apiClasses();
        assertTrue(api.size() > 100, "found only " + api.size() + " API classes: is the class folder right?");
        Set<String> leaks = new TreeSet<>();
        for (Class<?> c : api) {
            leaks.addAll(leaks(c));
        }
        leaks.removeIf(l -> ALLOWED.keySet().stream().anyMatch(l::startsWith));
        assertTrue(leaks.isEmpty(), "API members that expose io.shebao.internal or Guava types (make them package-private, "
                + "move the type, or allow them in ALLOWED with a reason):\n" + String.join("\n", leaks));
    }

    @Test
    void theScanFindsALeakWhereThereIsOne() {
        assertEquals(Set.of(Leaky.class.getName() + ".facts(): io.shebao.internal.facts.Param",
                        Leaky.class.getName() + ".hash: io.shebao.internal.hash.Sha256",
                        Leaky.class.getName() + ".names(): com.google.common.collect.ImmutableList",
                        Leaky.class.getName() + ".of(java.util.List): io.shebao.internal.facts.Param"),
                new TreeSet<>(leaks(Leaky.class)));
        assertEquals(Set.of(), leaks(Hidden.class), "a class that is not public is not API");
    }

    /** A fixture: what the scan must catch. */
    public static final class Leaky {
        public io.shebao.internal.hash.Sha256 hash;

        public List<io.shebao.internal.facts.Param> facts() {
            return List.of();
        }

        public static void of(List<? extends io.shebao.internal.facts.Param> ps) {
        }

        public com.google.common.collect.ImmutableList<String> names() {
            return com.google.common.collect.ImmutableList.of();
        }

        void packagePrivate(io.shebao.internal.facts.Param p) {
        }
    }

    static final class Hidden {
        public io.shebao.internal.hash.Sha256 hash;
    }

    /** The leaks of one class, as "class.member: internal type"; none when the class is not visible outside. */
    private static Set<String> leaks(Class<?> c) {
        Set<String> out = new TreeSet<>();
        if (!visible(c)) {
            return out;
        }
        String n = c.getName();
        check(out, n + " extends", c.getGenericSuperclass());
        for (Type t : c.getGenericInterfaces()) {
            check(out, n + " implements", t);
        }
        for (TypeVariable<?> v : c.getTypeParameters()) {
            check(out, n + "<" + v.getName() + ">", v);
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                check(out, n + "." + rc.getName() + " (record component)", rc.getGenericType());
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (api(f) && !f.isSynthetic()) {
                check(out, n + "." + f.getName(), f.getGenericType());
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (api(k) && !k.isSynthetic()) {
                String at = n + ".<init>(" + params(k.getParameterTypes()) + ")";
                for (Type t : k.getGenericParameterTypes()) {
                    check(out, at, t);
                }
                for (Type t : k.getGenericExceptionTypes()) {
                    check(out, at + " throws", t);
                }
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (api(m) && !m.isSynthetic() && !m.isBridge()) {
                String at = n + "." + m.getName() + "(" + params(m.getParameterTypes()) + ")";
                check(out, at, m.getGenericReturnType());
                for (Type t : m.getGenericParameterTypes()) {
                    check(out, at, t);
                }
                for (Type t : m.getGenericExceptionTypes()) {
                    check(out, at + " throws", t);
                }
                for (TypeVariable<?> v : m.getTypeParameters()) {
                    check(out, at + "<" + v.getName() + ">", v);
                }
            }
        }
        return out;
    }

    /** Public, or a public or protected member class of a visible class. */
    private static boolean visible(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        int mod = c.getModifiers();
        Class<?> outer = c.getDeclaringClass();
        if (outer == null) {
            return Modifier.isPublic(mod);
        }
        return (Modifier.isPublic(mod) || Modifier.isProtected(mod)) && visible(outer);
    }

    private static boolean api(Member m) {
        int mod = m.getModifiers();
        // protected members of a final class cannot be reached by a subclass: still counted, they show in the docs
        return Modifier.isPublic(mod) || Modifier.isProtected(mod);
    }

    private static void check(Set<String> out, String at, Type t) {
        internalTypes(t, new HashSet<>()).forEach(i -> out.add(at + ": " + i));
    }

    /** The internal classes a type names, however deeply (generic arguments, bounds, array components). */
    private static Set<String> internalTypes(Type t, Set<Type> seen) {
        Set<String> found = new TreeSet<>();
        if (t == null || !seen.add(t)) {
            return found;
        }
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            String name = c.getName();
            if (NOT_API.stream().anyMatch(name::startsWith)) {
                found.add(c.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            found.addAll(internalTypes(p.getRawType(), seen));
            found.addAll(internalTypes(p.getOwnerType(), seen));
            for (Type a : p.getActualTypeArguments()) {
                found.addAll(internalTypes(a, seen));
            }
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                found.addAll(internalTypes(b, seen));
            }
            for (Type b : w.getLowerBounds()) {
                found.addAll(internalTypes(b, seen));
            }
        } else if (t instanceof GenericArrayType g) {
            found.addAll(internalTypes(g.getGenericComponentType(), seen));
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                found.addAll(internalTypes(b, seen));
            }
        }
        return found;
    }

    private static String params(Class<?>[] types) {
        List<String> names = new ArrayList<>();
        for (Class<?> t : types) {
            names.add(t.getTypeName());
        }
        return String.join(", ", names);
    }

    /** Every class compiled from rules-core's main sources outside io.shebao.internal. */
    private static List<Class<?>> apiClasses() {
        Path root;
        try {
            root = Path.of(ShebaoRules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.endsWith(".class") || !rel.startsWith("io/shebao/") || rel.startsWith("io/shebao/internal/")
                        || rel.endsWith("package-info.class") || rel.equals("module-info.class")) {
                    continue;
                }
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                out.add(Class.forName(name, false, ShebaoRules.class.getClassLoader()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
