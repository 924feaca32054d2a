import java.util.jar.JarFile

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO]   replace   shop.Cart.total() (Cart.java:15): body changed (at instruction ')
assert log.contains('[INFO]   exclude   shop.Label.text() (Label.java:8): body changed; no --include pattern names it')
assert log.contains('[INFO]   unchanged shop.Cart.add(int) (Cart.java:11): unchanged')
assert log.contains('replaced within --include shop.Cart#total')
def jar = new File(basedir, 'target/total-fix.jar')
new JarFile(jar).withCloseable { j ->
    assert j.manifest.mainAttributes.getValue('Livepatch-Id') == 'shop-total-fix'
    assert j.manifest.mainAttributes.getValue('Livepatch-Replace') == 'true'
}
assert !new File(basedir, 'target/shop-1.1-livepatch.jar').exists()
return true
