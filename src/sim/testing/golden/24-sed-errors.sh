# sed's mistakes, case by case. 24-sed-errors.out is what GNU sed 4.9 under bash printed for these
# same lines (Debian 12), not the simulator's own output.
echo '== /\(a/p'
echo x | sed '/\(a/p' 2>&1; echo "st $?"
echo '== a\'
echo x | sed 'a\' 2>&1; echo "st $?"
echo '== 1a'
echo x | sed '1a' 2>&1; echo "st $?"
echo '== a  '
echo x | sed 'a  ' 2>&1; echo "st $?"
echo '== $!N;a'
echo x | sed '$!N;a' 2>&1; echo "st $?"
echo '== i\'
echo x | sed 'i\' 2>&1; echo "st $?"
echo '== 2,+p'
echo x | sed '2,+p' 2>&1; echo "st $?"
echo '== 1,2'
echo x | sed '1,2' 2>&1; echo "st $?"
echo '== 2}'
echo x | sed '2}' 2>&1; echo "st $?"
echo '== s/\(a/b/'
echo x | sed 's/\(a/b/' 2>&1; echo "st $?"
echo '== /abc'
echo x | sed '/abc' 2>&1; echo "st $?"
echo '== s/a/b/0'
echo x | sed 's/a/b/0' 2>&1; echo "st $?"
echo '== y/a'
echo x | sed 'y/a' 2>&1; echo "st $?"
echo '== a'
echo x | sed 'a' 2>&1; echo "st $?"
echo '== : '
echo x | sed ': ' 2>&1; echo "st $?"
echo '== }'
echo x | sed '}' 2>&1; echo "st $?"
echo '== pq'
echo x | sed 'pq' 2>&1; echo "st $?"
echo '== /a/I,/b/Mp'
echo x | sed '/a/I,/b/Mp' 2>&1; echo "st $?"
echo '== 3,1!d'
echo x | sed '3,1!d' 2>&1; echo "st $?"
echo '== c\'
echo x | sed 'c\' 2>&1; echo "st $?"
