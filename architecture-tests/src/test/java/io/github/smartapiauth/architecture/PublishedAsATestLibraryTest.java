package io.github.smartapiauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A platform adds this module with test scope and gets the rules and ArchUnit, nothing else: a jar, ArchUnit
 * its one dependency that travels with it, everything else (our production modules, the libraries the
 * fixtures plant) test-scoped, and main code that uses nothing but the JDK and ArchUnit.
 */
class PublishedAsATestLibraryTest {

    private static final Path POM = Path.of(System.getProperty("basedir", "."), "pom.xml");

    @Test
    void theModuleIsAJarWhoseOnlyTransitiveDependencyIsArchUnit() throws Exception {
        Element project = parse(POM).getDocumentElement();
        assertThat(text(project, "packaging")).as("packaging").isIn("", "jar");

        List<String> travelling = new ArrayList<>();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dependency : children(dependencies, "dependency")) {
                String scope = text(dependency, "scope");
                if (!scope.equals("test") && !text(dependency, "optional").equals("true")) {
                    travelling.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId") + ":"
                            + (scope.isEmpty() ? "compile" : scope));
                }
            }
        }
        assertThat(travelling).containsExactly("com.tngtech.archunit:archunit:compile");
    }

    @Test
    void theLibraryUsesOnlyTheJdkAndArchUnit() {
        classes().that().resideInAPackage("io.github.smartapiauth.architecture..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.tngtech.archunit..",
                        "io.github.smartapiauth.architecture..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.github.smartapiauth.architecture"));
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
                result.add((Element) node);
            }
        }
        return result;
    }
}
