# awk, case by case. 22-awk.out is what mawk 1.3.4 (Debian 12's awk) printed under bash for these
# same lines, not the simulator's own output. for-in order is mawk's hash order, so that case sorts.
cat > pods.txt <<'YY'
NAME                    READY   STATUS             RESTARTS   AGE
web-7957885594-ltsmv    1/1     Running            0          7s
web-7957885594-p5sc6    1/1     Running            2          7s
db-0                    0/1     CrashLoopBackOff   5          2m
nginx                   1/1     Running            0          1m
YY
printf 'a,b,c\nd,e,f\n' > csv.txt
printf '127.0.0.1:localhost\n10.0.0.5:web\n' > hosts.txt
echo '### awk '\''{print $1}'\'' pods.txt'
awk '{print $1}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''NR>1 {print $1, $3}'\'' pods.txt'
awk 'NR>1 {print $1, $3}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''$3 == "Running" {print $1}'\'' pods.txt'
awk '$3 == "Running" {print $1}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''$3 != "Running"'\'' pods.txt'
awk '$3 != "Running"' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''/web/ {print NR": "$0}'\'' pods.txt'
awk '/web/ {print NR": "$0}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''{print NF}'\'' pods.txt'
awk '{print NF}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''{print $NF}'\'' pods.txt'
awk '{print $NF}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''END {print NR}'\'' pods.txt'
awk 'END {print NR}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''NR==1'\'' pods.txt'
awk 'NR==1' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''NR>1 {n++} END {print n " pods"}'\'' pods.txt'
awk 'NR>1 {n++} END {print n " pods"}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''NR>1 {s += $4} END {print "restarts:", s}'\'' pods.txt'
awk 'NR>1 {s += $4} END {print "restarts:", s}' pods.txt 2>&1; echo "[status $?]"
echo '### awk -F: '\''{print $1}'\'' hosts.txt'
awk -F: '{print $1}' hosts.txt 2>&1; echo "[status $?]"
echo '### awk -F, '\''{print $2}'\'' csv.txt'
awk -F, '{print $2}' csv.txt 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN {FS=","} {print $1 "-" $3}'\'' csv.txt'
awk 'BEGIN {FS=","} {print $1 "-" $3}' csv.txt 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN {OFS="|"} {$1=$1; print}'\'' pods.txt'
awk 'BEGIN {OFS="|"} {$1=$1; print}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''{printf "%-25s %s\n", $1, $3}'\'' pods.txt'
awk '{printf "%-25s %s\n", $1, $3}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''NR>1 {count[$3]++} END {for (s in count) print s, count[s]}'\'' pods.txt | sort'
awk 'NR>1 {count[$3]++} END {for (s in count) print s, count[s]}' pods.txt | sort 2>&1; echo "[status $?]"
echo '### awk '\''$4 > 0'\'' pods.txt'
awk '$4 > 0' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''$4 >= 1 && $3 ~ /Crash/'\'' pods.txt'
awk '$4 >= 1 && $3 ~ /Crash/' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''$1 !~ /^web/'\'' pods.txt'
awk '$1 !~ /^web/' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN {print length("hello"), substr("kubernetes", 5, 3), index("abc", "c"), toupper("x")}'\'''
awk 'BEGIN {print length("hello"), substr("kubernetes", 5, 3), index("abc", "c"), toupper("x")}' 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN {x = 7 / 2; print x, int(x), 2^10, 10 % 3}'\'''
awk 'BEGIN {x = 7 / 2; print x, int(x), 2^10, 10 % 3}' 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN {n = split("a:b:c", parts, ":"); print n, parts[1], parts[3]}'\'''
awk 'BEGIN {n = split("a:b:c", parts, ":"); print n, parts[1], parts[3]}' 2>&1; echo "[status $?]"
echo '### awk '\''{gsub(/-/, "_"); print}'\'' pods.txt'
awk '{gsub(/-/, "_"); print}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''{sub(/[0-9]+/, "N", $2); print $2}'\'' pods.txt'
awk '{sub(/[0-9]+/, "N", $2); print $2}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''NR==2, NR==3'\'' pods.txt'
awk 'NR==2, NR==3' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''/db/, /nginx/ {print $1}'\'' pods.txt'
awk '/db/, /nginx/ {print $1}' pods.txt 2>&1; echo "[status $?]"
echo '### awk -v limit=1 '\''$4 > limit {print $1}'\'' pods.txt'
awk -v limit=1 '$4 > limit {print $1}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''NR>1 {if ($4 > 0) print $1, "restarted"; else print $1, "clean"}'\'' pods.txt'
awk 'NR>1 {if ($4 > 0) print $1, "restarted"; else print $1, "clean"}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN {for (i = 1; i <= 3; i++) printf "%d ", i; print ""}'\'''
awk 'BEGIN {for (i = 1; i <= 3; i++) printf "%d ", i; print ""}' 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN {i = 0; while (i < 3) {print i; i++}}'\'''
awk 'BEGIN {i = 0; while (i < 3) {print i; i++}}' 2>&1; echo "[status $?]"
echo '### awk '\''NR==2 {exit} {print}'\'' pods.txt'
awk 'NR==2 {exit} {print}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''NR>1 {print $2 + 0, $2 * 2}'\'' pods.txt'
awk 'NR>1 {print $2 + 0, $2 * 2}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''{print length}'\'' pods.txt'
awk '{print length}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN {printf "%5.2f|%x|%c|%s\n", 3.14159, 255, 65, "str"}'\'''
awk 'BEGIN {printf "%5.2f|%x|%c|%s\n", 3.14159, 255, 65, "str"}' 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN {print 1/3, 100000000, 0.1 + 0.2, 1e6, 123456789012, 2147483647, -2147483648}'\'''
awk 'BEGIN {print 1/3, 100000000, 0.1 + 0.2, 1e6, 123456789012, 2147483647, -2147483648}' 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN {print "a" > "b"; print "c" > "b"}'\''; cat b'
awk 'BEGIN {print "a" > "b"; print "c" > "b"}'; cat b 2>&1; echo "[status $?]"
echo '### awk '\''NR>1 {print $1 > "names.txt"}'\'' pods.txt; cat names.txt'
awk 'NR>1 {print $1 > "names.txt"}' pods.txt; cat names.txt 2>&1; echo "[status $?]"
echo '### awk '\''{print "x" >> "n2.txt"}'\'' csv.txt; awk '\''{print "y" >> "n2.txt"}'\'' csv.txt; cat n2.txt'
awk '{print "x" >> "n2.txt"}' csv.txt; awk '{print "y" >> "n2.txt"}' csv.txt; cat n2.txt 2>&1; echo "[status $?]"
echo '### awk '\''{print $1'\'' pods.txt'
awk '{print $1' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN { print match("foobar", /ob/), RSTART, RLENGTH }'\'''
awk 'BEGIN { print match("foobar", /ob/), RSTART, RLENGTH }' 2>&1; echo "[status $?]"
echo '### awk '\''{ $2 = ""; print }'\'' pods.txt'
awk '{ $2 = ""; print }' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''NR > 1 { print $1 }'\'' pods.txt | sort'
awk 'NR > 1 { print $1 }' pods.txt | sort 2>&1; echo "[status $?]"
echo '### awk '\''{print $1}'\'' nofile.txt'
awk '{print $1}' nofile.txt 2>&1; echo "[status $?]"
echo '### awk'
awk 2>&1; echo "[status $?]"
echo '### awk '\''BEGIN { x["a"]=1; delete x["a"]; print length(x) }'\'''
awk 'BEGIN { x["a"]=1; delete x["a"]; print length(x) }' 2>&1; echo "[status $?]"
echo '### awk '\''{ print ($4 > 0 ? "yes" : "no") }'\'' pods.txt'
awk '{ print ($4 > 0 ? "yes" : "no") }' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''NR>1{a=a $1 ","} END{print a}'\'' pods.txt'
awk 'NR>1{a=a $1 ","} END{print a}' pods.txt 2>&1; echo "[status $?]"
echo '### awk '\''{ print NR, FNR, FILENAME }'\'' csv.txt csv.txt'
awk '{ print NR, FNR, FILENAME }' csv.txt csv.txt 2>&1; echo "[status $?]"
