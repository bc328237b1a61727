package io.shebao.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * 编译指令: compiler directives a command adds to its own JVM, as {@code jcmd PID Compiler.directives_add FILE}
 * would. The launcher names the file in {@value #PROPERTY} for an audited batch of a middle-sized file, where C1
 * alone hashes each row's SHA-256 in Java code and C2 everywhere compiles for seconds: the file lets C2 compile
 * the SHA-256 methods (the CPU's instructions) and nothing else (docs/PERFORMANCE.md, "Issue 13, stop 16").
 * Added through the diagnostic command bean rather than {@code -XX:CompilerDirectivesFile}, which prints "2
 * compiler directives added" on standard output, where a command's answer goes. Speed only: a directive that
 * cannot be added changes no result, so it is logged at debug level and the command goes on.
 */
final class JitDirectives {
    /** The system property naming a directives file (JSON, HotSpot's compiler directives format). */
    static final String PROPERTY = "shebao.jit.directives";
    private static final Logger LOG = LoggerFactory.getLogger(JitDirectives.class);

    private JitDirectives() {
    }

    /** Adds the directives of the file the property names, if any; true when the JVM took them. */
    static boolean addFromProperty() {
        String file = System.getProperty(PROPERTY);
        return file != null && !file.isBlank() && add(Path.of(file));
    }

    /** Adds the file's directives to this JVM; true when it took them. */
    static boolean add(Path file) {
        if (!Files.isReadable(file)) {
            LOG.debug("compiler directives {}: not a readable file; the JVM's own choices stay", file);
            return false;
        }
        try {
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            String said = String.valueOf(answer).strip();
            boolean added = said.endsWith("compiler directives added") && !said.startsWith("0 ");
            LOG.debug("compiler directives {}: {}", file, said);
            return added;
        } catch (Exception | LinkageError e) { // no such bean (another JVM), a parse error: speed only
            LOG.debug("compiler directives {} not added: {}", file, e.toString());
            return false;
        }
    }
}
